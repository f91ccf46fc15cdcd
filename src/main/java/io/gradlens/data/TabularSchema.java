package io.gradlens.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a table is the target and how the input columns are grouped.
 *
 * @param targetColumn the target
 * @param inputGroups  group name → columns, in the order the inputs should take
 */
public record TabularSchema(String targetColumn, Map<String, List<String>> inputGroups) {

    /** Copies the groups deeply, keeping their order. */
    public TabularSchema {
        Objects.requireNonNull(targetColumn, "targetColumn");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        inputGroups.forEach((group, columns) -> copy.put(group, List.copyOf(columns)));
        inputGroups = Collections.unmodifiableMap(copy);
    }

    /**
     * Chosen columns: {@code target}, and each of {@code inputs} an input in a group of its own.
     *
     * @throws IllegalArgumentException when there is no input, a column repeats or the target is an input
     */
    public static TabularSchema of(List<String> inputs, String target) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one input column");
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String column : inputs) {
            if (column.equals(target)) {
                throw new IllegalArgumentException("column \"" + column + "\" cannot be both an input and the target");
            }
            if (groups.put(column, List.of(column)) != null) {
                throw new IllegalArgumentException("input column \"" + column + "\" is named twice");
            }
        }
        return new TabularSchema(target, groups);
    }

    /**
     * The schema for a header with some columns chosen: the given target, else {@code target} if
     * present, else the last column that is no chosen input; the given inputs, else every other
     * column except {@code split}.
     *
     * @param inputs chosen input columns, or empty
     * @param target chosen target column, or null
     * @throws IllegalArgumentException naming a chosen column the header lacks
     */
    public static TabularSchema choose(List<String> header, List<String> inputs, String target) {
        for (String column : inputs) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException("header has no \"" + column + "\" column (an input); columns are "
                        + header);
            }
        }
        if (target != null && !header.contains(target)) {
            throw new IllegalArgumentException("header has no \"" + target + "\" column (the target); columns are "
                    + header);
        }
        List<String> columns = header.stream().filter(c -> !c.equals(TabularCsvReader.SPLIT_COLUMN)).toList();
        String chosenTarget = target;
        if (chosenTarget == null) {
            List<String> candidates = columns.stream().filter(c -> !inputs.contains(c)).toList();
            if (candidates.isEmpty()) {
                throw new IllegalArgumentException("every column is an input; name the target column");
            }
            chosenTarget = candidates.contains("target") ? "target" : candidates.get(candidates.size() - 1);
        }
        String finalTarget = chosenTarget;
        List<String> chosenInputs = !inputs.isEmpty() ? inputs
                : columns.stream().filter(c -> !c.equals(finalTarget)).toList();
        return of(chosenInputs, finalTarget);
    }

    /**
     * The default for a header: the target is {@code target} if present, else the last column;
     * every other column except {@code split} is an input in a group of its own.
     */
    public static TabularSchema defaultFor(List<String> header) {
        List<String> columns = header.stream().filter(c -> !c.equals(TabularCsvReader.SPLIT_COLUMN)).toList();
        if (columns.size() < 2) {
            throw new IllegalArgumentException("a table needs an input and a target column, got " + header);
        }
        String target = columns.contains("target") ? "target" : columns.get(columns.size() - 1);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        columns.stream().filter(c -> !c.equals(target)).forEach(c -> groups.put(c, List.of(c)));
        return new TabularSchema(target, groups);
    }
}
