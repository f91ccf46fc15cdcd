package io.gradlens.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's {@code .npy} array format, version 1.0: the magic {@code \x93NUMPY}, a little-endian
 * header length, a Python-literal header {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (3, 4), }} padded to a multiple of 64 bytes, then the data in C order. Reads and writes
 * float32 ({@code <f4}), float64 ({@code <f8}) and int32 ({@code <i4}); refuses anything else
 * clearly (see https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html). The header
 * is {@link NpyHeader}'s; {@link MappedNpy} maps large arrays instead of reading them.
 */
public final class Npy {

    private Npy() {
    }

    /** The {@code .npy} bytes of an array. */
    public static byte[] write(INDArray array) {
        String descr;
        int width;
        switch (array.dataType()) {
            case FLOAT: descr = "<f4"; width = 4; break;
            case DOUBLE: descr = "<f8"; width = 8; break;
            case INT: descr = "<i4"; width = 4; break;
            default: throw new IllegalArgumentException("cannot write arrays of type " + array.dataType() + " as .npy");
        }
        ByteBuffer data = ByteBuffer.allocate(Math.toIntExact(array.length() * width)).order(ByteOrder.LITTLE_ENDIAN);
        INDArray c = array.dup('c');
        if (array.dataType() == DataType.FLOAT) {
            for (float v : c.data().asFloat()) {
                data.putFloat(v);
            }
        } else if (array.dataType() == DataType.DOUBLE) {
            for (double v : c.data().asDouble()) {
                data.putDouble(v);
            }
        } else {
            for (int v : c.data().asInt()) {
                data.putInt(v);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(NpyHeader.encode(descr, array.shape()));
        out.writeBytes(data.array());
        return out.toByteArray();
    }

    /**
     * Parses {@code .npy} bytes.
     *
     * @param what names the array in error messages
     * @throws IllegalArgumentException saying what is wrong with the bytes
     */
    public static INDArray read(byte[] bytes, String what) {
        NpyHeader h = NpyHeader.parse(bytes, what);
        String descr = h.descr();
        long[] shape = h.shape();
        int width = h.width();
        int start = h.dataOffset();
        long expected = h.dataBytes(what);
        long count = expected / width;
        if (bytes.length - start != expected) {
            throw new IllegalArgumentException(what + ": shape " + Arrays.toString(shape) + " needs " + expected
                    + " data bytes, found " + (bytes.length - start));
        }
        ByteBuffer data = ByteBuffer.wrap(bytes, start, (int) expected).order(ByteOrder.LITTLE_ENDIAN);
        int n = Math.toIntExact(count);
        if ("<f4".equals(descr)) {
            float[] v = new float[n];
            data.asFloatBuffer().get(v);
            return Nd4j.create(v, shape, 'c');
        }
        if ("<f8".equals(descr)) {
            double[] v = new double[n];
            data.asDoubleBuffer().get(v);
            return Nd4j.create(v, shape, 'c');
        }
        int[] v = new int[n];
        data.asIntBuffer().get(v);
        return Nd4j.createFromArray(v).reshape(shape);
    }
}
