package io.gradlens.io.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Entry point: reads any supported model file, choosing the reader by content and extension. */
public final class KerasModelFiles {

    private KerasModelFiles() {}

    /**
     * Reads a Keras 2 {@code .h5}, a Keras 3 {@code .keras} or a TF.js {@code model.json}. The file's
     * first bytes decide (HDF5 signature, zip signature, JSON); the extension only breaks ties.
     *
     * @param file the model file
     * @return the validated model description
     * @throws ModelFormatException if the file is not a readable, supported model
     */
    public static KerasModelSpec read(Path file) {
        Keras2H5Reader.requireFile(file);
        byte[] head = new byte[8];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new ModelFormatException(file, null, "cannot read: " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n == head.length && Hdf5Support.isHdf5(head)) {
            return Keras2H5Reader.read(file);
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Keras3Reader.read(file);
        }
        int first = 0;
        while (first < n && Character.isWhitespace(head[first])) {
            first++;
        }
        if ((first < n && head[first] == '{') || name.endsWith(".json")) {
            return TfjsLayersReader.read(file);
        }
        if (name.endsWith(".h5") || name.endsWith(".hdf5") || name.endsWith(".keras")) {
            throw new ModelFormatException(file, null, "file does not start with the "
                    + (name.endsWith(".keras") ? "zip" : "HDF5") + " signature; it is corrupt or not a model file");
        }
        throw new ModelFormatException(file, null, "unknown model format; supported: Keras 2 .h5, Keras 3 .keras,"
                + " TensorFlow.js model.json");
    }
}
