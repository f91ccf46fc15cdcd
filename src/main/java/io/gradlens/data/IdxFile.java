package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An IDX array of unsigned bytes (the MNIST file format, plain or gzipped): a 4-byte magic
 * {@code 00 00 08 n}, then {@code n} big-endian 32-bit dimensions, then the bytes in row-major order.
 * Other IDX element types are rejected with a message.
 *
 * @param dims the dimensions; {@code dims[0]} is the number of records
 * @param data the values, row-major, as raw bytes (read them with {@code & 0xff})
 */
public record IdxFile(int[] dims, byte[] data) {

    private static final int UNSIGNED_BYTE = 0x08;

    /** Number of records ({@code dims[0]}). */
    public int records() {
        return dims[0];
    }

    /** Bytes per record: the product of all dimensions but the first. */
    public int recordSize() {
        int size = 1;
        for (int d = 1; d < dims.length; d++) {
            size *= dims[d];
        }
        return size;
    }

    /** Value {@code k} of record {@code i}, 0..255. */
    public int value(int i, int k) {
        return data[i * recordSize() + k] & 0xff;
    }

    /** Reads and checks an IDX file. */
    public static IdxFile read(Path file, ReadLimits limits) throws IOException {
        byte[] bytes = TextFiles.readBytes(file, limits);
        if (bytes.length == 0) {
            throw DatasetFormatException.inFile(file, "file is empty");
        }
        if (bytes.length < 4) {
            throw DatasetFormatException.inFile(file, "shorter than the 4-byte IDX magic");
        }
        int magic = readInt(bytes, 0);
        int type = bytes[2] & 0xff;
        int rank = bytes[3] & 0xff;
        if (bytes[0] != 0 || bytes[1] != 0 || rank == 0) {
            throw DatasetFormatException.inFile(file, String.format(
                    "wrong IDX magic 0x%08X: expected 0x000008NN (NN = number of dimensions)", magic));
        }
        if (type != UNSIGNED_BYTE) {
            throw DatasetFormatException.inFile(file, String.format(
                    "IDX element type 0x%02X is not supported; only 0x08 (unsigned byte)", type));
        }
        int headerSize = 4 + 4 * rank;
        if (bytes.length < headerSize) {
            throw DatasetFormatException.inFile(file, "truncated header: " + rank + " dimensions need " + headerSize + " bytes");
        }
        int[] dims = new int[rank];
        long size = 1;
        for (int d = 0; d < rank; d++) {
            dims[d] = readInt(bytes, 4 + 4 * d);
            if (dims[d] <= 0) {
                throw DatasetFormatException.inFile(file, "dimension " + d + " is " + dims[d]);
            }
            size *= dims[d];
        }
        if (dims[0] > limits.maxRecords()) {
            throw DatasetFormatException.inFile(file, dims[0] + " records exceed the limit of " + limits.maxRecords());
        }
        long available = bytes.length - headerSize;
        if (available < size) {
            long recordSize = size / dims[0];
            throw DatasetFormatException.atRecord(file, available / recordSize + 1, "truncated: header "
                    + Arrays.toString(dims) + " needs " + size + " data bytes, file has " + available);
        }
        if (available > size) {
            throw DatasetFormatException.inFile(file, (available - size) + " bytes after the data that header "
                    + Arrays.toString(dims) + " describes");
        }
        return new IdxFile(dims, Arrays.copyOfRange(bytes, headerSize, bytes.length));
    }

    private static int readInt(byte[] bytes, int at) {
        return ((bytes[at] & 0xff) << 24) | ((bytes[at + 1] & 0xff) << 16) | ((bytes[at + 2] & 0xff) << 8) | (bytes[at + 3] & 0xff);
    }
}
