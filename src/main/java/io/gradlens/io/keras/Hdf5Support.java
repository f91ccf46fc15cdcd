package io.gradlens.io.keras;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Thin, defensive helpers over jHDF: every failure becomes a {@link ModelFormatException}. */
final class Hdf5Support {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private Hdf5Support() {}

    /** @return true if {@code head} starts with the HDF5 signature (at offset 0) */
    static boolean isHdf5(byte[] head) {
        if (head.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (head[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Runs {@code action}, turning any jHDF or decoding failure into a clear exception. */
    static <T> T guard(Path file, String layer, Supplier<T> action) {
        try {
            return action.get();
        } catch (ModelFormatException e) {
            throw e;
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            throw new ModelFormatException(file, layer, "corrupt or truncated HDF5 file (" + describe(e) + ")", e);
        }
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    static HdfFile open(Path file) {
        return guard(file, null, () -> new HdfFile(file));
    }

    static HdfFile open(Path file, byte[] bytes) {
        if (!isHdf5(bytes)) {
            throw new ModelFormatException(file, null, "not an HDF5 file (bad signature)");
        }
        return guard(file, null, () -> HdfFile.fromBytes(bytes));
    }

    /** @return the child node at a relative path below {@code group}, or {@code null} */
    static Node child(Path file, Group group, String relPath) {
        return guard(file, null, () -> {
            Node cur = group;
            for (String part : relPath.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                if (!(cur instanceof Group g)) {
                    return null;
                }
                Node next = g.getChildren().get(part);
                if (next == null) {
                    return null;
                }
                cur = next;
            }
            return cur;
        });
    }

    /** @return a string attribute's value, or {@code null} if absent */
    static String stringAttribute(Path file, Node node, String name) {
        return guard(file, null, () -> {
            Attribute a = node.getAttribute(name);
            if (a == null) {
                return null;
            }
            Object v = a.getData();
            if (v instanceof String s) {
                return s;
            }
            if (v != null && v.getClass().isArray() && Array.getLength(v) == 1 && Array.get(v, 0) instanceof String s) {
                return s;
            }
            throw new ModelFormatException(file, null, "attribute '" + name + "' of " + node.getPath()
                    + " is not a string");
        });
    }

    /**
     * Reads a list-of-strings attribute such as {@code layer_names}, also in the chunked form Keras
     * uses for long lists ({@code name0}, {@code name1}, ...). An empty numeric array (what h5py
     * writes for an empty list) gives an empty list.
     *
     * @return the strings, or {@code null} if the attribute is absent
     */
    static List<String> stringListAttribute(Path file, Node node, String name) {
        return guard(file, null, () -> {
            if (node.getAttribute(name) != null) {
                return strings(file, node, node.getAttribute(name));
            }
            if (node.getAttribute(name + "0") == null) {
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; node.getAttribute(name + i) != null; i++) {
                out.addAll(strings(file, node, node.getAttribute(name + i)));
            }
            return out;
        });
    }

    private static List<String> strings(Path file, Node node, Attribute a) {
        List<String> out = new ArrayList<>();
        if (a.isEmpty() || a.getSize() == 0) {
            return out;
        }
        Object v = a.getData();
        if (v instanceof String s) {
            out.add(s);
            return out;
        }
        if (v != null && v.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(v); i++) {
                if (!(Array.get(v, i) instanceof String s)) {
                    throw new ModelFormatException(file, null, "attribute '" + a.getName() + "' of "
                            + node.getPath() + " is not a list of strings");
                }
                out.add(s);
            }
            return out;
        }
        throw new ModelFormatException(file, null, "attribute '" + a.getName() + "' of " + node.getPath()
                + " is not a list of strings");
    }

    /**
     * Refuses a float32 dataset whose declared shape needs more than {@link Limits#WEIGHT_BYTES}
     * (or more elements than a Java array holds) before jHDF allocates it.
     */
    static void checkDeclaredSize(Path file, String layer, String path, long[] shape) {
        long limit = Limits.WEIGHT_BYTES.value();
        long bytes = Float.BYTES;
        boolean overflow = false;
        for (long d : shape) {
            try {
                bytes = Math.multiplyExact(bytes, d);
            } catch (ArithmeticException e) {
                overflow = true;
            }
        }
        if (overflow || bytes > limit || bytes / Float.BYTES > Integer.MAX_VALUE - 8) {
            throw new ModelFormatException(file, layer, Limits.WEIGHT_BYTES.problem("weight " + path + " of shape "
                    + java.util.Arrays.toString(shape) + (overflow ? "" : " (" + bytes + " bytes)"), limit));
        }
    }

    /** Reads a float32 dataset as a {@link WeightArray}; any other type is refused. */
    static WeightArray floatDataset(Path file, String layer, Node node) {
        if (!(node instanceof Dataset ds)) {
            throw new ModelFormatException(file, layer, node.getPath() + " is not a dataset");
        }
        return guard(file, layer, () -> {
            Class<?> type = ds.getJavaType();
            if (type != float.class && type != Float.class) {
                throw new ModelFormatException(file, layer, "weight " + ds.getPath() + " has element type "
                        + type.getSimpleName() + "; only float32 weights are supported");
            }
            long[] shape = ds.isScalar() ? new long[0] : ds.getDimensionsAsLong();
            checkDeclaredSize(file, layer, ds.getPath(), shape);
            Object flat = ds.isScalar() ? new float[] {(Float) ds.getData()} : ds.getDataFlat();
            if (!(flat instanceof float[] data)) {
                throw new ModelFormatException(file, layer, "weight " + ds.getPath() + " could not be read as float32");
            }
            return new WeightArray(shape, data);
        });
    }
}
