package io.gradlens.export;

import io.gradlens.format.AtomicFile;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A UTF-8 text file written as a stream through {@link AtomicFile}: into a hidden temporary sibling
 * moved over the target only by {@link #commit()}; a run that fails or is cancelled before that
 * ({@link #close()} without commit) deletes the temporary file and leaves the previous target
 * untouched.
 *
 * <pre>{@code
 * try (AtomicTextFile file = AtomicTextFile.create(target)) {
 *     write(file.writer());
 *     file.commit();
 * }
 * }</pre>
 */
public final class AtomicTextFile implements AutoCloseable {

    private final AtomicFile.Pending file;
    private final Writer writer;

    private AtomicTextFile(AtomicFile.Pending file) {
        this.file = file;
        this.writer = new BufferedWriter(new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8));
    }

    /**
     * Opens a temporary file beside {@code target}.
     *
     * @throws IllegalArgumentException when the target's folder does not exist
     */
    public static AtomicTextFile create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + target + ": the folder " + dir + " does not exist");
        }
        return new AtomicTextFile(AtomicFile.open(target));
    }

    /** Where the content goes until {@link #commit()}. */
    public Writer writer() {
        return writer;
    }

    /** Closes the temporary file and moves it over the target. */
    public void commit() throws IOException {
        writer.flush();
        file.commit();
    }

    /** Without a commit: discards the temporary file. */
    @Override
    public void close() throws IOException {
        file.close();
    }
}
