package io.gradlens.data.edits;

/** The split an edited example belongs to. */
public enum Split {
    /** The training split. */
    TRAIN,
    /** The test split. */
    TEST;

    /** The lower-case name used in edit files, {@code train} or {@code test}. */
    public String fileName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Parses {@code train} or {@code test}.
     *
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static Split parse(String text) {
        return switch (text) {
            case "train" -> TRAIN;
            case "test" -> TEST;
            default -> throw new IllegalArgumentException("split \"" + text + "\" is neither train nor test");
        };
    }
}
