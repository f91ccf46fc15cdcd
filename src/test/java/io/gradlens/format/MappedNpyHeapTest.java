package io.gradlens.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mapped array is not read into the heap: a child JVM limited to {@code -Xmx64m} adds up every
 * element of a 100 MiB float32 matrix (25,600 × 1,024, row r holding −512 … 511) and reads every row,
 * which a heap copy (or {@link Npy#read}) could not hold.
 */
class MappedNpyHeapTest {

    static final int ROWS = 25_600;
    static final int COLS = 1024;

    @TempDir
    Path dir;

    @Test
    void aChildWithA64MiBHeapReadsA100MiBMappedMatrix() throws Exception {
        Path file = dir.resolve("large.npy");
        writeLarge(file);
        assertTrue(Files.size(file) > 100L << 20, "the file must be larger than the child's heap");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                MappedNpySum.class.getName(), file.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the child did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        Matcher m = Pattern.compile("sum=(-?\\d+) rows=(\\d+) max_heap=(\\d+)").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(-512L * ROWS, Long.parseLong(m.group(1)), "Σ over each row of −512..511 is −512");
        assertEquals(ROWS, Long.parseLong(m.group(2)));
        assertTrue(Long.parseLong(m.group(3)) < Files.size(file), "the child's heap is smaller than the file: "
                + out);
    }

    /**
     * A float32 vector of 2.2 GB (a sparse file: only the header and the values written take disk
     * space) maps in 1 GiB chunks; values on both sides of the 1 and 2 GiB boundaries and at the
     * end read back, which one buffer (2 GiB at most) could not reach.
     */
    @Test
    void filesBeyondTwoGigabytesMapInChunks() throws Exception {
        long n = 550_000_000L;
        Path file = dir.resolve("huge.npy");
        byte[] header = NpyHeader.encode("<f4", new long[] {n});
        long[] at = {0, (1L << 28) - 1, 1L << 28, (1L << 29) - 1, 1L << 29, (1L << 29) + 1, n - 1};
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(header));
            for (long i : at) {
                ByteBuffer v = ByteBuffer.allocate(Float.BYTES).order(ByteOrder.LITTLE_ENDIAN).putFloat(i % 1000 + 0.5f);
                v.flip();
                ch.write(v, header.length + i * Float.BYTES);
            }
        }
        assertEquals(header.length + n * Float.BYTES, Files.size(file));
        MappedNpy m = MappedNpy.open(file);
        assertEquals(n, m.size());
        for (long i : at) {
            assertEquals(i % 1000 + 0.5, m.get(i), 0.0, "element " + i);
        }
        assertEquals(0.0, m.get(3L << 27), 0.0, "a hole of the sparse file reads as zero");
        double[] across = m.range((1L << 28) - 1, 2);
        assertEquals(((1L << 28) - 1) % 1000 + 0.5, across[0], 0.0);
        assertEquals((1L << 28) % 1000 + 0.5, across[1], 0.0);
    }

    /** Streams the matrix to disk one row at a time, so the test itself holds no copy. */
    private static void writeLarge(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(NpyHeader.encode("<f4", new long[] {ROWS, COLS})));
            ByteBuffer row = ByteBuffer.allocate(COLS * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int j = 0; j < COLS; j++) {
                row.putFloat(j - 512);
            }
            for (int r = 0; r < ROWS; r++) {
                row.rewind();
                while (row.hasRemaining()) {
                    ch.write(row);
                }
            }
        }
    }
}
