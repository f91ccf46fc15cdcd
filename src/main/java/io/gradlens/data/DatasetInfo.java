package io.gradlens.data;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a dataset comes from and under which terms it may be used.
 *
 * @param source      the package (name@version) or generator the data comes from
 * @param license     the license of the data, e.g. {@code CC BY 4.0}
 * @param citation    the work to cite, or an empty string
 * @param description one or two sentences on what the set is and how it was derived
 */
public record DatasetInfo(String source, String license, String citation, String description) {

    /** Rejects null fields. */
    public DatasetInfo {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(license, "license");
        Objects.requireNonNull(citation, "citation");
        Objects.requireNonNull(description, "description");
    }

    /** Info for a file the user loaded, with nothing known beyond its path. */
    public static DatasetInfo ofFile(Path file) {
        return new DatasetInfo(file.toString(), "unknown", "", "loaded from " + file.getFileName());
    }
}
