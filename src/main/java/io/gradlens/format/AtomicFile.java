package io.gradlens.format;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one way GradLens writes a file: into a hidden temporary sibling
 * ({@code .<name>.<random hex>.tmp}, in the target's folder so the move stays on one file system)
 * that is moved over the target with {@code ATOMIC_MOVE} and {@code REPLACE_EXISTING} only once its
 * content is complete. A failure, a cancellation or a kill before that leaves the previous target
 * byte for byte; concurrent writers to one path each have their own temporary file, so the target
 * ends up as one complete output (the last move wins). A failure deletes its temporary file; a
 * killed process ({@code kill -9}) leaves it behind, under the name above, and no later write
 * removes it (it might be another process's file still being written).
 *
 * <pre>{@code
 * AtomicFile.write(target, out -> out.write(bytes));          // whole content at once
 * try (AtomicFile.Pending file = AtomicFile.open(target)) {   // streamed
 *     write(file.stream());
 *     file.commit();                                          // without it, close() discards
 * }
 * }</pre>
 */
public final class AtomicFile {

    /** Produces a file's content. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything to {@code out}; must not close it. */
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Writes {@code target} from {@code content} atomically, creating its folder if needed.
     *
     * @throws IOException when writing or moving fails; the target is then untouched
     */
    public static void write(Path target, Content content) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (Pending file = open(target)) {
            content.writeTo(file.stream());
            file.commit();
        }
    }

    /** Writes {@code bytes} to {@code target} atomically, creating its folder if needed. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /**
     * Opens a temporary sibling of {@code target} (whose folder must exist) to stream into.
     *
     * @throws IOException when the temporary file cannot be created
     */
    public static Pending open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = temporarySibling(absolute);
        // Not Files.createTempFile: that creates owner-only (0600) files and the move keeps those
        // permissions; CREATE_NEW honours the user's umask like any other save.
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE));
        return new Pending(absolute, temp, out);
    }

    /** A fresh name {@code .<name>.<random hex>.tmp} beside {@code target}. */
    static Path temporarySibling(Path target) {
        return target.resolveSibling("." + target.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
    }

    /** Whether {@code file} is named like a temporary sibling of {@code target}. */
    public static boolean isTemporaryOf(Path file, Path target) {
        String name = file.getFileName().toString();
        String prefix = "." + target.getFileName() + ".";
        return name.startsWith(prefix) && name.endsWith(".tmp")
                && name.substring(prefix.length(), name.length() - 4).matches("[0-9a-f]{1,16}");
    }

    /** A temporary file being written; {@link #commit()} moves it over the target. */
    public static final class Pending implements AutoCloseable {

        private final Path target;
        private final Path temp;
        private final OutputStream out;
        private boolean done;

        private Pending(Path target, Path temp, OutputStream out) {
            this.target = target;
            this.temp = temp;
            this.out = out;
        }

        /** Where the content goes until {@link #commit()} (buffered; closed by commit or close). */
        public OutputStream stream() {
            return out;
        }

        /** Closes the temporary file and moves it over the target. */
        public void commit() throws IOException {
            if (done) {
                throw new IllegalStateException("already committed or discarded: " + target);
            }
            out.close();
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        }

        /** Without a commit (or after a failed one): discards the temporary file, the target untouched. */
        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                try {
                    out.close();
                } finally {
                    Files.deleteIfExists(temp);
                }
            }
        }
    }
}
