package io.gradlens.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The one-time move of the settings folder GradLens used before the XDG folders,
 * {@code ~/.gradlens}, to {@link AppDirectories#config()}. It moves only when the old folder exists
 * and the new one does not (so it runs once, and never overwrites), and leaves the old one alone
 * when the move fails.
 */
public final class LegacyHome {

    /** The old folder's name below the home folder. */
    public static final String LEGACY_NAME = ".gradlens";

    private LegacyHome() {
    }

    /**
     * Moves {@code legacy} to {@code config} when only the first exists.
     *
     * @return the folder moved to, or empty when there was nothing to move
     * @throws IOException when the move fails (the old folder is then left where it was)
     */
    public static Optional<Path> migrate(Path legacy, Path config) throws IOException {
        if (!Files.isDirectory(legacy) || Files.exists(config)) {
            return Optional.empty();
        }
        Files.createDirectories(config.getParent());
        try {
            Files.move(legacy, config, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException sameFileSystemOnly) {
            copyTree(legacy, config);
            deleteTree(legacy);
        }
        return Optional.of(config);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }
}
