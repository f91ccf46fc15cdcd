package io.gradlens.workflow.corpus;

import io.gradlens.format.MappedNpy;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;

/**
 * The arrays of a merged result, mapped from {@code merged/NAME.npy} and checked against the shapes
 * {@code merged.json} lists: a missing array or one of another shape (a merge interrupted, a file
 * replaced) is refused, naming the file.
 */
final class MergedArrays {

    private final MergedManifest manifest;

    MergedArrays(MergedManifest manifest) {
        this.manifest = manifest;
    }

    /**
     * Maps array {@code name}.
     *
     * @throws IllegalArgumentException when the manifest lacks it, its file is missing or its shape differs
     */
    MappedNpy open(String name) throws IOException {
        MergedManifest.Entry e = manifest.arrays().get(name);
        if (e == null) {
            throw new IllegalArgumentException(manifest.dir().resolve("merged.json") + " lists no array '" + name
                    + "', which a " + manifest.request().job() + " result has");
        }
        if (!Files.isRegularFile(e.file())) {
            throw new IllegalArgumentException(e.file() + " is missing (a partial folder: run gradlens merge "
                    + manifest.dir() + " again)");
        }
        MappedNpy array = MappedNpy.open(e.file());
        if (!Arrays.equals(array.shape(), e.shape())) {
            throw new IllegalArgumentException(e.file() + " has shape " + Arrays.toString(array.shape())
                    + ", merged.json says " + Arrays.toString(e.shape()));
        }
        return array;
    }

    /** Array {@code name} read whole: for the short vectors (a curve, per-document numbers). */
    double[] read(String name) throws IOException {
        MappedNpy array = open(name);
        return array.range(0, Math.toIntExact(array.size()));
    }
}
