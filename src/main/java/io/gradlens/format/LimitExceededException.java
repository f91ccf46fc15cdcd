package io.gradlens.format;

import java.nio.file.Path;

/**
 * An input refused because a declared or counted size is over a {@link SizeLimit}, before the
 * memory for it was taken. The message names the file, the entry where there is one, the limit
 * and the system property that raises it.
 */
public final class LimitExceededException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient SizeLimit limit;

    /**
     * @param file  the file refused, or null when unknown
     * @param entry the entry or array inside it, or null
     * @param what  what is too large, with its size where known
     * @param limit the limit that was exceeded
     * @param value the limit's value in force
     */
    public LimitExceededException(Path file, String entry, String what, SizeLimit limit, long value) {
        super((file == null ? "" : file.getFileName() + ": ") + (entry == null ? "" : entry + ": ")
                + limit.problem(what, value));
        this.limit = limit;
    }

    /** The limit that was exceeded. */
    public SizeLimit limit() {
        return limit;
    }
}
