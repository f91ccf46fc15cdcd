package io.gradlens.explain;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One setting of an attribution method as the method registry ({@link AttributionMethods})
 * publishes it: its name (the command line's option without {@code --}, and the key in export
 * provenance), a label for the workbench, its kind, default, range or choices, and a one-line help.
 * {@link #parse} is the one place a value is validated, so the command line and the workbench
 * reject a bad value with the same message.
 *
 * @param name         e.g. {@code steps}
 * @param label        e.g. {@code Steps}, for a control
 * @param kind         what values it takes
 * @param defaultValue the default, as text (parses under {@link #parse})
 * @param choices      the allowed values of a {@link Kind#CHOICE}; empty otherwise
 * @param min          the smallest allowed number (INTEGER, NUMBER)
 * @param max          the largest allowed number (INTEGER, NUMBER)
 * @param help         what it does, for help texts and tooltips
 */
public record MethodParameter(String name, String label, Kind kind, String defaultValue, List<String> choices,
                              double min, double max, String help) {

    /** The kinds of values a parameter takes. */
    public enum Kind {
        /** A whole number in [min, max]. */
        INTEGER,
        /** A finite number in [min, max]. */
        NUMBER,
        /** One of {@link #choices()}. */
        CHOICE,
        /** Free text checked by the method (e.g. an integrated-gradients baseline). */
        TEXT
    }

    /** Copies the choices. */
    public MethodParameter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(defaultValue, "defaultValue");
        choices = List.copyOf(choices);
    }

    /** {@code p}, once its default was checked to be a valid value. */
    private static MethodParameter checked(MethodParameter p) {
        p.parse(null);
        return p;
    }

    static MethodParameter integer(String name, String label, String defaultValue, long min, long max, String help) {
        return checked(new MethodParameter(name, label, Kind.INTEGER, defaultValue, List.of(), min, max, help));
    }

    static MethodParameter number(String name, String label, String defaultValue, double min, double max,
                                  String help) {
        return checked(new MethodParameter(name, label, Kind.NUMBER, defaultValue, List.of(), min, max, help));
    }

    static MethodParameter choice(String name, String label, String defaultValue, List<String> choices,
                                  String help) {
        return checked(new MethodParameter(name, label, Kind.CHOICE, defaultValue, choices, 0, 0, help));
    }

    static MethodParameter text(String name, String label, String defaultValue, String help) {
        return checked(new MethodParameter(name, label, Kind.TEXT, defaultValue, List.of(), 0, 0, help));
    }

    /**
     * The value {@code raw} stands for: a {@code Long} (INTEGER), a {@code Double} (NUMBER) or the
     * text (CHOICE, TEXT); null stands for the default.
     *
     * @throws IllegalArgumentException naming the parameter ({@code --steps must be …, got '0'})
     */
    public Object parse(String raw) {
        String value = raw == null ? defaultValue : raw.trim();
        switch (kind) {
            case INTEGER -> {
                long v;
                try {
                    v = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw invalid(raw, "a whole number " + range());
                }
                if (v < min || v > max) {
                    throw invalid(raw, "a whole number " + range());
                }
                return v;
            }
            case NUMBER -> {
                double v;
                try {
                    v = Double.parseDouble(value);
                } catch (NumberFormatException e) {
                    throw invalid(raw, "a number " + range());
                }
                if (!(v >= min && v <= max)) {
                    throw invalid(raw, "a number " + range());
                }
                return v;
            }
            case CHOICE -> {
                String v = value.toLowerCase(Locale.ROOT);
                if (!choices.contains(v)) {
                    throw invalid(raw, orList(choices));
                }
                return v;
            }
            default -> {
                return value;
            }
        }
    }

    /** The option as the command line spells it, e.g. {@code --steps}. */
    public String option() {
        return "--" + name;
    }

    private String range() {
        if (max == Double.MAX_VALUE || max == Long.MAX_VALUE) {
            return "≥ " + format(min);
        }
        return "from " + format(min) + " to " + format(max);
    }

    private String format(double v) {
        return kind == Kind.INTEGER || v == Math.rint(v) && Math.abs(v) < 1e15
                ? Long.toString((long) v) : Double.toString(v);
    }

    private IllegalArgumentException invalid(String raw, String expected) {
        return new IllegalArgumentException(option() + " must be " + expected + ", got '" + raw + "'");
    }

    /** {@code a, b or c}. */
    static String orList(List<String> items) {
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " or " + items.get(items.size() - 1);
    }
}
