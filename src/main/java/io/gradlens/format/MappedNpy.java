package io.gradlens.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A C-order {@code .npy} array mapped read-only from its file ({@link FileChannel#map}) instead of
 * read into the heap: the operating system pages in what is touched, so a T×T map of a corpus
 * (1,403² float64 values, 15 MB; or a matrix of many gigabytes) is looked at through rows, single
 * elements and strided downsamples at the resolution of the screen. Files beyond one buffer's 2 GB
 * reach are mapped in chunks. The header is {@link NpyHeader}'s, so every file {@link Npy} reads
 * maps here with the same checks and messages; float32, float64 and int32 are read as doubles.
 *
 * <p>Instances are immutable and may be read from several threads. The mapping lives until the
 * object is garbage collected; the file stays open no longer than {@link #open} takes.
 */
public final class MappedNpy {

    /** Bytes mapped per chunk: 1 GiB, a multiple of every element width. */
    static final long DEFAULT_CHUNK_BYTES = 1L << 30;
    /** The longest header read (NumPy's own headers are a few hundred bytes). */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private final Path file;
    private final NpyHeader header;
    private final long[] shape;
    private final long elements;
    private final int width;
    private final boolean floats;
    private final long chunkBytes;
    private final ByteBuffer[] chunks;

    private MappedNpy(Path file, NpyHeader header, long chunkBytes, ByteBuffer[] chunks) {
        this.file = file;
        this.header = header;
        this.shape = header.shape();
        this.elements = header.elements();
        this.width = header.width();
        this.floats = "<f4".equals(header.descr());
        this.chunkBytes = chunkBytes;
        this.chunks = chunks;
    }

    /**
     * Maps {@code file}.
     *
     * @throws IllegalArgumentException naming the file, for a bad header or a size that does not match
     *     the header's shape
     * @throws IOException when the file cannot be read
     */
    public static MappedNpy open(Path file) throws IOException {
        return open(file, DEFAULT_CHUNK_BYTES);
    }

    /** {@link #open(Path)} with chunks of {@code chunkBytes} (tests map small files in many chunks). */
    static MappedNpy open(Path file, long chunkBytes) throws IOException {
        if (chunkBytes <= 0 || chunkBytes % Double.BYTES != 0 || chunkBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("chunk size must be a positive multiple of 8 below 2 GiB, got "
                    + chunkBytes);
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        String what = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, MAX_HEADER_BYTES + NpyHeader.LONGEST_PREAMBLE));
            while (head.hasRemaining() && channel.read(head, head.position()) > 0) {
                // reads until the buffer is full or the file ends
            }
            NpyHeader header = NpyHeader.parse(Arrays.copyOf(head.array(), head.position()), what);
            long expected = header.dataBytes(what);
            long found = size - header.dataOffset();
            if (found != expected) {
                throw new IllegalArgumentException(what + ": shape " + Arrays.toString(header.shape()) + " needs "
                        + expected + " data bytes, found " + found);
            }
            int count = Math.toIntExact((expected + chunkBytes - 1) / chunkBytes);
            ByteBuffer[] chunks = new ByteBuffer[count];
            for (int c = 0; c < count; c++) {
                long from = header.dataOffset() + c * chunkBytes;
                long length = Math.min(chunkBytes, expected - c * chunkBytes);
                MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, from, length);
                chunks[c] = mapped.order(ByteOrder.LITTLE_ENDIAN);
            }
            return new MappedNpy(file, header, chunkBytes, chunks);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    /** The dtype, {@code <f4}, {@code <f8} or {@code <i4}. */
    public String descr() {
        return header.descr();
    }

    /** The shape. */
    public long[] shape() {
        return shape.clone();
    }

    /** The number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** The number of elements. */
    public long size() {
        return elements;
    }

    /** The number of rows: the first dimension (1 for a scalar). */
    public long rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** The elements per row: the product of every dimension after the first. */
    public long rowLength() {
        long n = 1;
        for (int d = 1; d < shape.length; d++) {
            n *= shape[d];
        }
        return n;
    }

    /**
     * Element {@code index} in C order.
     *
     * @throws IndexOutOfBoundsException outside {@code [0, size())}
     */
    public double get(long index) {
        if (index < 0 || index >= elements) {
            throw new IndexOutOfBoundsException("element " + index + " of " + file + " " + Arrays.toString(shape));
        }
        return at(index);
    }

    /**
     * Element {@code (i, j)} of a matrix.
     *
     * @throws IllegalStateException when the array is not a matrix
     * @throws IndexOutOfBoundsException outside its shape
     */
    public double get(long i, long j) {
        requireMatrix();
        if (i < 0 || i >= shape[0] || j < 0 || j >= shape[1]) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + file + " "
                    + Arrays.toString(shape));
        }
        return at(i * shape[1] + j);
    }

    /** Row {@code i} (every element whose first index is {@code i}), copied into a new array. */
    public double[] row(long i) {
        return range(checkedRow(i) * rowLength(), Math.toIntExact(rowLength()));
    }

    /**
     * {@code count} consecutive elements from {@code from} in C order, copied.
     *
     * @throws IndexOutOfBoundsException when they do not lie inside the array
     */
    public double[] range(long from, int count) {
        if (from < 0 || count < 0 || from + count > elements) {
            throw new IndexOutOfBoundsException("elements " + from + ".." + (from + count) + " outside " + file + " "
                    + Arrays.toString(shape));
        }
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            out[k] = at(from + k);
        }
        return out;
    }

    /**
     * A strided sample of the window {@code [row0, row0 + rows) × [col0, col0 + cols)} of a matrix at
     * most {@code outRows × outCols} large: cell (r, c) holds the element at the centre of its block,
     * row {@code row0 + ⌊(r + ½)·rows / outRows'⌋}. Only the sampled elements are touched and only
     * the output is allocated; a window smaller than the output is returned at full resolution.
     *
     * @throws IllegalStateException when the array is not a matrix
     * @throws IndexOutOfBoundsException when the window does not lie inside the matrix
     */
    public Grid downsample(long row0, long col0, long rows, long cols, int outRows, int outCols) {
        requireMatrix();
        if (row0 < 0 || col0 < 0 || rows < 0 || cols < 0 || row0 + rows > shape[0] || col0 + cols > shape[1]) {
            throw new IndexOutOfBoundsException("window at (" + row0 + ", " + col0 + ") of " + rows + "×" + cols
                    + " outside " + file + " " + Arrays.toString(shape));
        }
        if (outRows < 1 || outCols < 1) {
            throw new IllegalArgumentException("the output needs at least one row and column, got " + outRows + "×"
                    + outCols);
        }
        int r = (int) Math.min(rows, outRows);
        int c = (int) Math.min(cols, outCols);
        double[] values = new double[r * c];
        for (int y = 0; y < r; y++) {
            long i = row0 + (long) ((y + 0.5) * rows / r);
            for (int x = 0; x < c; x++) {
                long j = col0 + (long) ((x + 0.5) * cols / c);
                values[y * c + x] = at(i * shape[1] + j);
            }
        }
        return new Grid(r, c, values);
    }

    /** The whole matrix sampled down to at most {@code outRows × outCols}; see {@link #downsample}. */
    public Grid downsample(int outRows, int outCols) {
        requireMatrix();
        return downsample(0, 0, shape[0], shape[1], outRows, outCols);
    }

    /**
     * A small dense matrix sampled from a mapped one.
     *
     * @param rows   its rows
     * @param cols   its columns
     * @param values row-major, {@code rows × cols}
     */
    public record Grid(int rows, int cols, double[] values) {

        /** Cell (r, c). */
        public double at(int r, int c) {
            return values[r * cols + c];
        }
    }

    private double at(long index) {
        long offset = index * width;
        ByteBuffer chunk = chunks[(int) (offset / chunkBytes)];
        int pos = (int) (offset % chunkBytes);
        if (width == Double.BYTES) {
            return chunk.getDouble(pos);
        }
        return floats ? chunk.getFloat(pos) : chunk.getInt(pos);
    }

    private long checkedRow(long i) {
        if (i < 0 || i >= rows()) {
            throw new IndexOutOfBoundsException("row " + i + " of " + file + " " + Arrays.toString(shape));
        }
        return i;
    }

    private void requireMatrix() {
        if (shape.length != 2) {
            throw new IllegalStateException(file + " holds an array of shape " + Arrays.toString(shape)
                    + ", not a matrix");
        }
    }
}
