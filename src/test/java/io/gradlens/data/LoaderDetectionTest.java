package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatasetLoader} picks the right reader; PNG folders, IDX pairs and tables load fully. */
class LoaderDetectionTest {

    @TempDir
    Path dir;

    private static byte[] idxWith(int[] dims, int... values) {
        byte[] bytes = BrokenFilesTest.idx(0x08, dims, values.length);
        int header = 4 + 4 * dims.length;
        for (int i = 0; i < values.length; i++) {
            bytes[header + i] = (byte) values[i];
        }
        return bytes;
    }

    @Test
    void idxPairsWithTestSiblings() throws IOException {
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), BrokenFilesTest.gzip(idxWith(new int[] {2, 1, 2}, 0, 255, 51, 102)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), BrokenFilesTest.gzip(idxWith(new int[] {2}, 0, 2)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), idxWith(new int[] {1, 1, 2}, 1, 2));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), idxWith(new int[] {1}, 1));
        ImageDataset dataset = (ImageDataset) DatasetLoader.load(dir.resolve("train-images-idx3-ubyte.gz"));
        assertEquals(List.of("0", "1", "2"), dataset.classNames());
        assertEquals(List.of(1, 2, 1), List.of(dataset.height(), dataset.width(), dataset.channels()));
        assertArrayEquals(new float[] {0.2f, 0.4f}, dataset.train().pixels()[1]);
        assertArrayEquals(new int[] {0, 2}, dataset.train().labels());
        assertArrayEquals(new int[] {1}, dataset.test().labels());
    }

    @Test
    void fashionMnistLoadsFromAFolderOrSaysHowToInstall() throws IOException {
        MissingDatasetException missing = assertThrows(MissingDatasetException.class,
                () -> FashionMnist.load(dir, ReadLimits.DEFAULT));
        assertTrue(missing.getMessage().contains("apt-get install dataset-fashion-mnist"), missing.getMessage());
        int[] pixels = new int[2 * 28 * 28];
        pixels[0] = 255;
        Files.write(dir.resolve("train-images-idx3-ubyte.gz"), BrokenFilesTest.gzip(idxWith(new int[] {2, 28, 28}, pixels)));
        Files.write(dir.resolve("train-labels-idx1-ubyte.gz"), BrokenFilesTest.gzip(idxWith(new int[] {2}, 9, 0)));
        Files.write(dir.resolve("t10k-images-idx3-ubyte.gz"), BrokenFilesTest.gzip(idxWith(new int[] {1, 28, 28}, new int[784])));
        Files.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), BrokenFilesTest.gzip(idxWith(new int[] {1}, 3)));
        ImageDataset fashion = FashionMnist.load(dir, ReadLimits.DEFAULT);
        assertEquals("Ankle boot", fashion.classNames().get(fashion.train().labels()[0]));
        assertEquals(1f, fashion.train().pixels()[0][0]);
        assertEquals(1, fashion.testSize());
    }

    @Test
    void textAndTabularTablesAreToldApartByTheTextColumn() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.tsv"), "text\tlabel\nhello\t0\nbye\t1\n");
        Path table = Files.writeString(dir.resolve("houses.csv"), "a,b,target,split\n1,2,3,train\n4,5,6,test\n");
        assertInstanceOf(TextDataset.class, DatasetLoader.load(text));
        TabularDataset houses = (TabularDataset) DatasetLoader.load(table);
        assertEquals(List.of("a", "b"), houses.inputColumns());
        assertEquals("target", houses.targetColumn());
        assertEquals(List.of("a"), houses.inputGroups().get("a"));
        assertArrayEquals(new double[] {4, 5}, houses.test().inputs()[0]);
        assertArrayEquals(new double[] {3}, houses.train().targets());
        assertEquals("houses", houses.name());
        Path unknown = Files.writeString(dir.resolve("data.xlsx"), "x");
        assertThrows(DatasetFormatException.class, () -> DatasetLoader.load(unknown));
        assertThrows(MissingDatasetException.class, () -> DatasetLoader.load(dir.resolve("absent.csv")));
    }

    private static void png(Path file, int width, int height, int type, int rgb) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, rgb);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    @Test
    void pngFoldersInGrayAndColour() throws IOException {
        Path gray = dir.resolve("gray");
        for (int i = 0; i < 5; i++) {
            png(gray.resolve("a/" + i + ".png"), 3, 2, BufferedImage.TYPE_BYTE_GRAY, 0xffffff);
            png(gray.resolve("b/" + i + ".png"), 3, 2, BufferedImage.TYPE_BYTE_GRAY, 0x000000);
        }
        ImageDataset grayset = (ImageDataset) DatasetLoader.load(gray);
        assertEquals(List.of("a", "b"), grayset.classNames());
        assertEquals(List.of(2, 3, 1), List.of(grayset.height(), grayset.width(), grayset.channels()));
        assertEquals(8, grayset.trainSize());
        assertEquals(2, grayset.testSize());
        for (int i = 0; i < grayset.trainSize(); i++) {
            assertEquals(grayset.train().labels()[i] == 0 ? 1f : 0f, grayset.train().pixels()[i][5]);
        }
        Path colour = dir.resolve("colour");
        png(colour.resolve("train/red/0.png"), 2, 2, BufferedImage.TYPE_INT_RGB, 0xff0000);
        png(colour.resolve("train/blue/0.png"), 2, 2, BufferedImage.TYPE_INT_RGB, 0x0000ff);
        png(colour.resolve("test/red/0.png"), 2, 2, BufferedImage.TYPE_INT_RGB, 0xff3300);
        png(colour.resolve("test/blue/0.png"), 2, 2, BufferedImage.TYPE_INT_RGB, 0x0000ff);
        ImageDataset colourset = PngFolderLoader.load(colour, 0, ReadLimits.DEFAULT);
        assertEquals(List.of("blue", "red"), colourset.classNames());
        assertEquals(3, colourset.channels());
        assertArrayEquals(new float[] {1f, 0.2f, 0f}, java.util.Arrays.copyOf(colourset.test().pixels()[1], 3));
        png(colour.resolve("test/blue/1.png"), 4, 4, BufferedImage.TYPE_INT_RGB, 0);
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> PngFolderLoader.load(colour, 0, ReadLimits.DEFAULT));
        assertEquals("1.png: is 4x4, the first image is 2x2 (choose an image size, e.g. 28x28, to resize them all)",
                e.getMessage());
    }
}
