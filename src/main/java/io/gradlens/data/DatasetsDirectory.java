package io.gradlens.data;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the folder of the shipped datasets: the system property {@value #PROPERTY}, else the
 * environment variable {@value #ENVIRONMENT}, else {@code datasets/} in the working directory.
 */
public final class DatasetsDirectory {

    /** System property naming the datasets folder. */
    public static final String PROPERTY = "gradlens.datasets";
    /** Environment variable naming the datasets folder. */
    public static final String ENVIRONMENT = "GRADLENS_DATASETS";

    private DatasetsDirectory() {
    }

    /** The folder, which must exist. */
    public static Path locate() {
        String property = System.getProperty(PROPERTY);
        String environment = System.getenv(ENVIRONMENT);
        Path dir;
        String how;
        if (property != null && !property.isBlank()) {
            dir = Path.of(property);
            how = "system property " + PROPERTY;
        } else if (environment != null && !environment.isBlank()) {
            dir = Path.of(environment);
            how = "environment variable " + ENVIRONMENT;
        } else {
            dir = Path.of("datasets");
            how = "default datasets/ in the working directory";
        }
        if (!Files.isDirectory(dir)) {
            throw new MissingDatasetException("datasets folder not found: " + dir.toAbsolutePath() + " (from " + how
                    + "); run from the repository root or set -D" + PROPERTY + "=<folder> or " + ENVIRONMENT);
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
