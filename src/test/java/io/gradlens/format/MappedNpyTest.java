package io.gradlens.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@link MappedNpy} reads exactly what {@link Npy} reads (float32, float64 and int32, odd shapes, a
 * file mapped in many chunks), its windows and downsamples pick the elements their formula names,
 * and a bad file is refused with a message that names it.
 */
class MappedNpyTest {

    @TempDir
    Path dir;

    private Path write(String name, INDArray a) throws Exception {
        return Files.write(dir.resolve(name), Npy.write(a));
    }

    private static INDArray random(DataType type, long... shape) {
        Random r = new Random(java.util.Arrays.hashCode(shape));
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] v = new double[(int) n];
        for (int i = 0; i < v.length; i++) {
            v[i] = type == DataType.INT ? r.nextInt(2001) - 1000 : r.nextGaussian() * Math.pow(10, r.nextInt(7) - 3);
        }
        return Nd4j.create(v, shape, 'c').castTo(type);
    }

    @Test
    void everyElementEqualsWhatNpyReadsForEachTypeAndOddShapes() throws Exception {
        long[][] shapes = {{7}, {3, 5}, {2, 3, 4}, {1, 1}, {13, 1}, {1, 17}};
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE, DataType.INT}) {
            for (long[] shape : shapes) {
                INDArray a = random(type, shape);
                Path file = write(type + "-" + shape.length + "-" + shape[0] + ".npy", a);
                double[] expected = Npy.read(Files.readAllBytes(file), "x").castTo(DataType.DOUBLE).dup('c').data()
                        .asDouble();
                for (long chunk : new long[] {8, 24, MappedNpy.DEFAULT_CHUNK_BYTES}) {
                    MappedNpy m = MappedNpy.open(file, chunk);
                    assertArrayEquals(shape, m.shape());
                    assertEquals(expected.length, m.size());
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], m.get(i), 0.0, type + " element " + i + ", chunks of " + chunk);
                    }
                    assertArrayEquals(expected, m.range(0, expected.length), 0.0);
                }
            }
        }
    }

    @Test
    void anEmptyArrayMapsWithItsShape() throws Exception {
        Path file = Files.write(dir.resolve("empty.npy"), NpyHeader.encode("<f8", new long[] {0, 3}));
        MappedNpy m = MappedNpy.open(file);
        assertArrayEquals(new long[] {0, 3}, m.shape());
        assertEquals(0, m.size());
        assertEquals(0, m.rows());
        assertEquals(3, m.rowLength());
        assertEquals(0, m.range(0, 0).length);
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(0));
    }

    @Test
    void rowsElementsAndWindowsIndexInCOrder() throws Exception {
        INDArray a = random(DataType.DOUBLE, 6, 9);
        MappedNpy m = MappedNpy.open(write("m.npy", a), 16);
        assertEquals(2, m.rank());
        assertEquals(6, m.rows());
        assertEquals(9, m.rowLength());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(a.getRow(i).toDoubleVector(), m.row(i), 0.0);
            for (int j = 0; j < 9; j++) {
                assertEquals(a.getDouble(i, j), m.get(i, j), 0.0);
            }
        }
        MappedNpy cube = MappedNpy.open(write("c.npy", random(DataType.FLOAT, 2, 3, 4)));
        assertEquals(12, cube.rowLength());
        assertThrows(IllegalStateException.class, () -> cube.get(0, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(6, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> m.get(54));
        assertThrows(IndexOutOfBoundsException.class, () -> m.row(-1));
    }

    @Test
    void downsamplePicksTheCentreOfEachBlockAndNeverUpsamples() throws Exception {
        int n = 10;
        double[] v = new double[n * n];
        for (int i = 0; i < v.length; i++) {
            v[i] = i; // value = 10·row + column
        }
        MappedNpy m = MappedNpy.open(write("g.npy", Nd4j.create(v, new long[] {n, n}, 'c')), 24);
        MappedNpy.Grid g = m.downsample(3, 4);
        assertEquals(3, g.rows());
        assertEquals(4, g.cols());
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                long row = (long) Math.floor((r + 0.5) * n / 3);
                long col = (long) Math.floor((c + 0.5) * n / 4);
                assertEquals(10 * row + col, g.at(r, c), 0.0, "cell " + r + "," + c);
            }
        }
        MappedNpy.Grid full = m.downsample(2, 3, 4, 5, 100, 100);
        assertEquals(4, full.rows());
        assertEquals(5, full.cols());
        for (int r = 0; r < 4; r++) {
            for (int c = 0; c < 5; c++) {
                assertEquals(10 * (2 + r) + 3 + c, full.at(r, c), 0.0);
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> m.downsample(8, 0, 3, 1, 2, 2));
        assertThrows(IllegalArgumentException.class, () -> m.downsample(0, 2));
    }

    @Test
    void badFilesAreRefusedNamingTheFile() throws Exception {
        Path notNpy = Files.writeString(dir.resolve("text.npy"), "hello, not an array");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(notNpy));
        assertTrue(e.getMessage().contains(notNpy.toString()) && e.getMessage().contains("wrong magic"),
                e.getMessage());

        byte[] good = Npy.write(random(DataType.DOUBLE, 4, 4));
        Path truncated = Files.write(dir.resolve("short.npy"), java.util.Arrays.copyOf(good, good.length - 8));
        e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(truncated));
        assertTrue(e.getMessage().contains(truncated.toString()) && e.getMessage().contains("needs 128 data bytes"),
                e.getMessage());

        byte[] fortran = good.clone();
        String header = new String(fortran, java.nio.charset.StandardCharsets.ISO_8859_1);
        int at = header.indexOf("False");
        System.arraycopy("True, ".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), 0, fortran, at, 5);
        Path fortranFile = Files.write(dir.resolve("fortran.npy"), fortran);
        e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(fortranFile));
        assertTrue(e.getMessage().contains(fortranFile.toString()) && e.getMessage().contains("Fortran"),
                e.getMessage());

        Path headerOnly = Files.write(dir.resolve("cut.npy"), java.util.Arrays.copyOf(good, 20));
        e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(headerOnly));
        assertTrue(e.getMessage().contains(headerOnly.toString()) && e.getMessage().contains("truncated"),
                e.getMessage());

        Path missing = dir.resolve("absent.npy");
        e = assertThrows(IllegalArgumentException.class, () -> MappedNpy.open(missing));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }
}
