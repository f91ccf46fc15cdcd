package io.gradlens.format;

import java.nio.file.Path;

/** A model bundle or array file that cannot be read; the message names the file and the entry. */
public final class BundleFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public BundleFormatException(Path file, String entry, String problem) {
        this(file, entry, problem, null);
    }

    public BundleFormatException(Path file, String entry, String problem, Throwable cause) {
        super((file == null ? "" : file.getFileName() + ": ") + (entry == null ? "" : entry + ": ") + problem, cause);
    }
}
