package io.gradlens.format;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a NumPy {@code .npy} file, the one parser and writer of it for {@link Npy} (arrays
 * read into memory) and {@link MappedNpy} (arrays mapped from disk): the magic {@code \x93NUMPY},
 * the version, a little-endian header length (2 bytes in version 1, 4 in versions 2 and 3), then a
 * Python-literal dictionary {@code {'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }}
 * padded so that the data starts at a multiple of 64 bytes
 * (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html). Only C-order float32
 * ({@code <f4}), float64 ({@code <f8}) and int32 ({@code <i4}) are accepted.
 *
 * @param descr      the dtype, one of {@code <f4}, {@code <f8}, {@code <i4}
 * @param shape      the array's shape
 * @param dataOffset the byte at which the data starts
 */
public record NpyHeader(String descr, long[] shape, int dataOffset) {

    /** Bytes before the header text in version 2 and 3 (magic, version, 4-byte length). */
    public static final int LONGEST_PREAMBLE = 12;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    public NpyHeader {
        shape = shape.clone();
        width(descr);
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** Bytes per element. */
    public int width() {
        return width(descr);
    }

    /** The number of elements. */
    public long elements() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /**
     * The data bytes the shape needs, without overflow: a shape whose size a long cannot hold is
     * refused before anything is allocated.
     *
     * @param what names the array in the message
     */
    public long dataBytes(String what) {
        return dataBytes(shape, width(), what);
    }

    /**
     * The version 1.0 header bytes (magic to padding) of a C-order array.
     *
     * @param descr {@code <f4}, {@code <f8} or {@code <i4}
     */
    public static byte[] encode(String descr, long[] shape) {
        width(descr);
        StringBuilder dims = new StringBuilder();
        for (long d : shape) {
            dims.append(d).append(", ");
        }
        if (shape.length > 1) {
            dims.setLength(dims.length() - 2);
        } else if (shape.length == 1) {
            dims.setLength(dims.length() - 1);
        }
        String dict = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (" + dims.toString().trim()
                + "), }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        int padding = (64 - unpadded % 64) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        ByteBuffer out = ByteBuffer.allocate(MAGIC.length + 4 + header.length()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) header.length());
        out.put(header.getBytes(StandardCharsets.ISO_8859_1));
        return out.array();
    }

    /**
     * Parses the header at the start of {@code bytes}, which may hold more than the header (the data,
     * or the first bytes of a file).
     *
     * @param what names the array in error messages
     * @throws IllegalArgumentException saying what is wrong with the header
     */
    public static NpyHeader parse(byte[] bytes, String what) {
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
            if (bytes.length < LONGEST_PREAMBLE) {
                throw new IllegalArgumentException(what + ": truncated .npy header");
            }
            headerLength = ByteBuffer.wrap(bytes, 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            offset = LONGEST_PREAMBLE;
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
        if (!"<f4".equals(descr) && !"<f8".equals(descr) && !"<i4".equals(descr)) {
            throw new IllegalArgumentException(what + ": unsupported dtype '" + descr
                    + "'; supported: <f4 (float32), <f8 (float64), <i4 (int32)");
        }
        NpyHeader parsed = new NpyHeader(descr, shape, offset + headerLength);
        parsed.dataBytes(what); // refuses shapes beyond a long now
        return parsed;
    }

    /** The bytes {@code shape} needs, refusing a size a long cannot hold. */
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

    private static int width(String descr) {
        switch (String.valueOf(descr)) {
            case "<f4":
            case "<i4":
                return 4;
            case "<f8":
                return 8;
            default:
                throw new IllegalArgumentException("unsupported dtype '" + descr
                        + "'; supported: <f4 (float32), <f8 (float64), <i4 (int32)");
        }
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
