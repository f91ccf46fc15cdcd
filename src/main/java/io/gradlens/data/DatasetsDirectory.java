package io.gradlens.data;

import io.gradlens.install.AppDirectories;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the folder of the shipped datasets through {@link AppDirectories}: the system property
 * {@value #PROPERTY}, else the environment variable {@value #ENVIRONMENT}, else {@code datasets/}
 * next to the installed app image or in the source checkout.
 */
public final class DatasetsDirectory {

    /** System property naming the datasets folder. */
    public static final String PROPERTY = AppDirectories.DATASETS_PROPERTY;
    /** Environment variable naming the datasets folder. */
    public static final String ENVIRONMENT = AppDirectories.DATASETS_ENVIRONMENT;

    private DatasetsDirectory() {
    }

    /** The folder, which must exist. */
    public static Path locate() {
        Path dir = AppDirectories.current().datasets();
        if (!Files.isDirectory(dir)) {
            throw new MissingDatasetException("datasets folder not found: " + dir.toAbsolutePath()
                    + "; set -D" + PROPERTY + "=<folder> or " + ENVIRONMENT);
        }
        return dir;
    }

    /** {@code dir/name}, which must be a file. */
    public static Path file(Path dir, String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new MissingDatasetException("dataset file missing: " + file.toAbsolutePath()
                    + " (rebuild it with: bash tools/datasets/rebuild.sh)");
        }
        return file;
    }
}
