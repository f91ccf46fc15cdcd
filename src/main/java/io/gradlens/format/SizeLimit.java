package io.gradlens.format;

import java.util.Locale;
import java.util.Objects;

/**
 * One configurable size limit that a reader checks before it allocates: a name, a built-in
 * default, and the system property {@code gradlens.limit.<name>} that overrides the default
 * (a positive whole number, optionally with a binary suffix {@code k}, {@code m} or {@code g}).
 * The command line passes properties through {@code JAVA_OPTS}, e.g.
 * {@code JAVA_OPTS=-Dgradlens.limit.recordBytes=8m bin/gradlens train ...}. Every limit, its
 * default and its property are listed in {@code docs/limits.md}.
 *
 * @param name         the setting's name after {@code gradlens.limit.}
 * @param defaultValue the built-in value
 * @param unit         what is counted, for messages ({@code bytes}, {@code records}, ...)
 */
public record SizeLimit(String name, long defaultValue, String unit) {

    /** The prefix of every limit's system property. */
    public static final String PREFIX = "gradlens.limit.";

    /** Checks the name and that the default is positive. */
    public SizeLimit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (defaultValue <= 0) {
            throw new IllegalArgumentException("limit " + name + " must have a positive default");
        }
    }

    /** The system property that sets this limit. */
    public String property() {
        return PREFIX + name;
    }

    /**
     * The limit in force: the system property when set, else the default.
     *
     * @throws IllegalArgumentException if the property is set but is no positive number
     */
    public long value() {
        String raw = System.getProperty(property());
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        String s = raw.trim().toLowerCase(Locale.ROOT);
        int shift = switch (s.charAt(s.length() - 1)) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            default -> 0;
        };
        try {
            long v = Long.parseLong(shift == 0 ? s : s.substring(0, s.length() - 1));
            if (v > 0 && v <= (Long.MAX_VALUE >> shift)) {
                return v << shift;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("-D" + property() + "=" + raw
                + " is not a positive whole number (optionally with k, m or g)");
    }

    /** {@link #value()} capped at {@link Integer#MAX_VALUE}, for counts that index Java arrays. */
    public int intValue() {
        return (int) Math.min(Integer.MAX_VALUE, value());
    }

    /** How to raise this limit, for messages: {@code raise it with -Dgradlens.limit.<name>=...}. */
    public String advice() {
        return "raise it with -D" + property() + "=<" + unit + ">";
    }

    /**
     * The sentence for a refused input: {@code <what> exceeds the limit of <limit> <unit>
     * (raise it with -D...)}.
     *
     * @param what  what is too large, with its size where known
     * @param limit the limit that was in force
     */
    public String problem(String what, long limit) {
        return what + " exceeds the limit of " + limit + " " + unit + " (" + advice() + ")";
    }
}
