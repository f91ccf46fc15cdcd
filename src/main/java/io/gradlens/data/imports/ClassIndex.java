package io.gradlens.data.imports;

import io.gradlens.data.ReadLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns the labels of a file into class indices.
 * <ul>
 *   <li>With an explicit class list, a label that equals a class name is that class; otherwise a
 *       class index {@code 0..k-1} is accepted as before; anything else is refused naming the
 *       classes.</li>
 *   <li>Without one, the first label decides: class indices ({@code 0, 1, 2, ...}: the classes are
 *       {@code "0"} up to the largest label, exactly as GradLens always read them) or words (each
 *       distinct word is a class, ordered by {@link ClassOrder}). Mixing both is refused at the first
 *       label of the other kind.</li>
 * </ul>
 * Labels are trimmed. Labels are first {@link #observe observed} in file order, then
 * {@link #classNames()} and {@link #index} give the final mapping.
 */
final class ClassIndex {

    private final List<String> explicit;
    private final ClassOrder order;
    private final String classesName;
    private final int maxClasses;
    private final Map<String, Integer> seen = new LinkedHashMap<>();
    private Boolean integers;
    private int maxIndex = -1;
    private String firstWord;
    private Map<String, Integer> finalIndex;

    /**
     * @param explicit    the class names in index order, or empty to derive them
     * @param order       the order of derived word classes
     * @param classesName how messages name the explicit classes, e.g. {@code the model's classes}
     * @param maxClasses  most classes a derived list may have
     */
    ClassIndex(List<String> explicit, ClassOrder order, String classesName, int maxClasses) {
        this.explicit = List.copyOf(explicit);
        this.order = order;
        this.classesName = classesName;
        this.maxClasses = maxClasses;
    }

    /** Whether the classes come from the labels' words (rather than indices or an explicit list). */
    boolean derivesWords() {
        return explicit.isEmpty() && Boolean.FALSE.equals(integers);
    }

    /** How the class order was decided, as a bundle records it: explicit, index, sorted or first_appearance. */
    String orderName() {
        if (!explicit.isEmpty()) {
            return "explicit";
        }
        if (!Boolean.FALSE.equals(integers)) {
            return "index";
        }
        return order == ClassOrder.SORTED ? "sorted" : "first_appearance";
    }

    /** Takes one label in file order; returns a problem, or null when the label is fine. */
    String observe(String raw) {
        String label = raw.trim();
        if (label.isEmpty()) {
            return "label is empty";
        }
        if (!explicit.isEmpty()) {
            return explicitIndex(label) >= 0 ? null : "label \"" + label + "\" is not one of " + classesName + " "
                    + explicit + " (or a class index 0.." + (explicit.size() - 1) + ")";
        }
        Integer index = integer(label);
        if (integers == null) {
            integers = index != null;
        }
        if (integers) {
            if (index == null) {
                return "label \"" + label + "\" is a word, but the labels before it are class indices (0, 1, 2, ...);"
                        + " use words or indices, not both";
            }
            if (index < 0) {
                return "label \"" + label + "\" is not a class index (0, 1, 2, ...)";
            }
            if (index >= maxClasses) {
                return ReadLimits.CLASSES.problem("label " + index + " (it makes " + (index + 1L) + " classes)",
                        maxClasses);
            }
            maxIndex = Math.max(maxIndex, index);
            return null;
        }
        if (index != null) {
            return "label \"" + label + "\" is a class index, but the labels before it are words (first: \""
                    + firstWord + "\"); use words or indices, not both";
        }
        if (firstWord == null) {
            firstWord = label;
        }
        if (!seen.containsKey(label)) {
            if (seen.size() >= maxClasses) {
                return ReadLimits.CLASSES.problem("label \"" + label + "\" (it makes " + (seen.size() + 1L)
                        + " classes)", maxClasses);
            }
            seen.put(label, seen.size());
        }
        return null;
    }

    /** The class names in index order, after every label was observed. */
    List<String> classNames() {
        if (!explicit.isEmpty()) {
            return explicit;
        }
        if (!Boolean.FALSE.equals(integers)) {
            return IntStream.rangeClosed(0, Math.max(maxIndex, 0)).mapToObj(Integer::toString)
                    .collect(Collectors.toList());
        }
        List<String> names = new ArrayList<>(seen.keySet());
        if (order == ClassOrder.SORTED) {
            names.sort(null);
        }
        return names;
    }

    /** The class index of an observed, accepted label. */
    int index(String raw) {
        String label = raw.trim();
        if (!explicit.isEmpty()) {
            return explicitIndex(label);
        }
        if (!Boolean.FALSE.equals(integers)) {
            return Integer.parseInt(label);
        }
        if (finalIndex == null) {
            finalIndex = new HashMap<>();
            List<String> names = classNames();
            for (int i = 0; i < names.size(); i++) {
                finalIndex.put(names.get(i), i);
            }
        }
        return finalIndex.get(label);
    }

    private int explicitIndex(String label) {
        int named = explicit.indexOf(label);
        if (named >= 0) {
            return named;
        }
        Integer index = integer(label);
        return index != null && index >= 0 && index < explicit.size() ? index : -1;
    }

    private static Integer integer(String label) {
        if (!label.matches("[+-]?\\d{1,10}")) {
            return null;
        }
        long value = Long.parseLong(label);
        return value > Integer.MAX_VALUE || value < Integer.MIN_VALUE ? null : (int) value;
    }
}
