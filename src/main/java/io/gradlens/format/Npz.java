package io.gradlens.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * NumPy's {@code .npz}: a zip of {@code <name>.npy} entries, readable with {@code numpy.load}.
 */
public final class Npz {

    private Npz() {
    }

    /** The bytes of an {@code .npz} holding {@code arrays} under their names (in order). */
    public static byte[] write(Map<String, INDArray> arrays) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, INDArray> e : arrays.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey() + ".npy"));
                zip.write(Npy.write(e.getValue()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return bytes.toByteArray();
    }

    /** The arrays of an {@code .npz} file by name (without {@code .npy}). */
    public static Map<String, INDArray> read(Path file) throws IOException {
        return fromEntries(file, SafeZip.read(file, SafeZip.MAX_ENTRY_BYTES, Long.MAX_VALUE));
    }

    /** The arrays of {@code .npz} bytes, stored in {@code file} under {@code entry}. */
    public static Map<String, INDArray> read(byte[] npz, Path file, String entry) throws IOException {
        Map<String, byte[]> entries;
        try {
            entries = SafeZip.read(new java.io.ByteArrayInputStream(npz), null, SafeZip.MAX_ENTRY_BYTES, Long.MAX_VALUE);
        } catch (BundleFormatException | LimitExceededException e) {
            throw new BundleFormatException(file, entry, e.getMessage(), e);
        }
        return fromEntries(file, entries);
    }

    private static Map<String, INDArray> fromEntries(Path file, Map<String, byte[]> entries) {
        Map<String, INDArray> arrays = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            String name = e.getKey();
            if (!name.endsWith(".npy")) {
                throw new BundleFormatException(file, name, "is not a .npy array entry");
            }
            try {
                arrays.put(name.substring(0, name.length() - 4), Npy.read(e.getValue(), name));
            } catch (IllegalArgumentException ex) {
                throw new BundleFormatException(file, null, ex.getMessage(), ex);
            }
        }
        return arrays;
    }
}
