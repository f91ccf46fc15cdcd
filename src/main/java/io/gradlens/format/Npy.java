package io.gradlens.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * NumPy's {@code .npy} array format, version 1.0: the magic {@code \x93NUMPY}, a little-endian
 * header length, a Python-literal header {@code {'descr': '<f4', 'fortran_order': False,
 * 'shape': (3, 4), }} padded to a multiple of 64 bytes, then the data in C order. Reads and writes
 * float32 ({@code <f4}), float64 ({@code <f8}) and int32 ({@code <i4}); refuses anything else
 * clearly (see https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
 */
public final class Npy {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

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
        StringBuilder shape = new StringBuilder();
        for (long d : array.shape()) {
            shape.append(d).append(", ");
        }
        if (array.rank() > 1) {
            shape.setLength(shape.length() - 2);
        } else if (array.rank() == 1) {
            shape.setLength(shape.length() - 1);
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + shape.toString().trim() + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
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
        out.writeBytes(MAGIC);
        out.write(1);
        out.write(0);
        out.write(header.length() & 0xff);
        out.write(header.length() >>> 8);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
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
        if (bytes.length < 10 || !Arrays.equals(Arrays.copyOf(bytes, 6), MAGIC)) {
            throw new IllegalArgumentException(what + " is not a NumPy .npy array (wrong magic bytes)");
        }
        int major = bytes[6];
        int headerLength;
        int offset;
        if (major == 1) {
            headerLength = (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8;
            offset = 10;
        } else if (major == 2 || major == 3) {
            headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            offset = 12;
        } else {
            throw new IllegalArgumentException(what + ": unsupported .npy version " + major);
        }
        if (headerLength < 0 || headerLength > bytes.length - offset) {
            throw new IllegalArgumentException(what + ": truncated .npy header (it declares " + Integer.toUnsignedString(
                    headerLength) + " header bytes, the array has " + (bytes.length - offset) + ")");
        }
        String header = new String(bytes, offset, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header, what, "descr");
        if ("True".equals(group(FORTRAN, header, what, "fortran_order"))) {
            throw new IllegalArgumentException(what + ": Fortran-order arrays are not supported; save with C order");
        }
        long[] shape = parseShape(group(SHAPE, header, what, "shape"), what);
        int width;
        switch (descr) {
            case "<f4": width = 4; break;
            case "<f8": width = 8; break;
            case "<i4": width = 4; break;
            default: throw new IllegalArgumentException(what + ": unsupported dtype '" + descr
                    + "'; supported: <f4 (float32), <f8 (float64), <i4 (int32)");
        }
        int start = offset + headerLength;
        long expected = dataBytes(shape, width, what);
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

    /**
     * The bytes {@code shape} needs, without overflow: a shape whose size a long cannot hold is
     * refused before anything is allocated.
     */
    static long dataBytes(long[] shape, int width, String what) {
        long bytes = width;
        if (Arrays.stream(shape).anyMatch(d -> d == 0)) {
            return 0;
        }
        try {
            for (long d : shape) {
                bytes = Math.multiplyExact(bytes, d);
            }
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(what + ": shape " + Arrays.toString(shape)
                    + " declares more bytes than a file can hold", e);
        }
        return bytes;
    }

    private static String group(Pattern p, String header, String what, String key) {
        Matcher m = p.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException(what + ": .npy header has no '" + key + "': " + header.trim());
        }
        return m.group(1);
    }

    private static long[] parseShape(String s, String what) {
        String[] parts = s.split(",");
        long[] shape = new long[parts.length];
        int n = 0;
        for (String p : parts) {
            String t = p.trim();
            if (t.isEmpty()) {
                continue;
            }
            try {
                shape[n] = Long.parseLong(t.endsWith("L") ? t.substring(0, t.length() - 1) : t);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + ": bad shape (" + s + ")");
            }
            if (shape[n] < 0) {
                throw new IllegalArgumentException(what + ": negative dimension in shape (" + s + ")");
            }
            n++;
        }
        return Arrays.copyOf(shape, n);
    }
}
