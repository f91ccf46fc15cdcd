package io.gradlens.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A UTF-8 text file written as a stream into a hidden temporary sibling and moved over the target
 * only by {@link #commit()}: a run that fails or is cancelled before that ({@link #close()} without
 * commit) deletes the temporary file and leaves the previous target untouched.
 *
 * <pre>{@code
 * try (AtomicTextFile file = AtomicTextFile.create(target)) {
 *     write(file.writer());
 *     file.commit();
 * }
 * }</pre>
 */
public final class AtomicTextFile implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final Writer writer;
    private boolean done;

    private AtomicTextFile(Path target, Path temp, Writer writer) {
        this.target = target;
        this.temp = temp;
        this.writer = writer;
    }

    /**
     * Opens a temporary file beside {@code target}.
     *
     * @throws IllegalArgumentException when the target's folder does not exist
     */
    public static AtomicTextFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("cannot write " + target + ": the folder " + dir + " does not exist");
        }
        // Not Files.createTempFile: that creates owner-only (0600) files and the move keeps those
        // permissions; CREATE_NEW honours the user's umask like any other save.
        Path temp = dir.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), StandardCharsets.UTF_8));
        return new AtomicTextFile(absolute, temp, w);
    }

    /** Where the content goes until {@link #commit()}. */
    public Writer writer() {
        return writer;
    }

    /** Closes the temporary file and moves it over the target. */
    public void commit() throws IOException {
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        done = true;
    }

    /** Without a commit: discards the temporary file. */
    @Override
    public void close() throws IOException {
        if (!done) {
            done = true;
            try {
                writer.close();
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }
}
