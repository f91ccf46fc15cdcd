package io.gradlens.data.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSize;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TextDataset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatasetFiles}: JPEG and PNG folders (gray, RGB, resized), numeric tables with chosen columns, guessed text columns. */
class DatasetFilesTest {

    @TempDir
    Path dir;

    private static DatasetFiles.Opened open(Path path, DatasetReadOptions options) throws IOException {
        return DatasetFiles.open(path, options, 0, ReadLimits.DEFAULT, "the classes");
    }

    /** A uniform image of one grey level or colour, written as PNG or JPEG. */
    private static void image(Path file, int width, int height, int type, int rgb, String format) throws IOException {
        Files.createDirectories(file.getParent());
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                if (type == BufferedImage.TYPE_BYTE_GRAY) {
                    image.getRaster().setSample(x, y, 0, rgb & 0xff);
                } else {
                    image.setRGB(x, y, rgb);
                }
            }
        }
        if (!ImageIO.write(image, format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
    }

    @Test
    void grayJpegsAreOneChannelAndResizedOnRequest() throws IOException {
        Path root = dir.resolve("gray");
        for (int i = 0; i < 5; i++) {
            image(root.resolve("cat/" + i + ".jpg"), 8, 6, BufferedImage.TYPE_BYTE_GRAY, 0x808080, "jpeg");
            image(root.resolve("dog/" + i + ".jpeg"), 4, 4, BufferedImage.TYPE_BYTE_GRAY, 0xffffff, "jpeg");
        }
        DatasetFormatException mismatch = assertThrows(DatasetFormatException.class,
                () -> open(root, DatasetReadOptions.defaults()));
        assertEquals(true, mismatch.getMessage().contains("is 4x4, the first image is 8x6"), mismatch.getMessage());
        ImageDataset data = (ImageDataset) open(root, DatasetReadOptions.defaults().withImageSize(new ImageSize(5, 3)))
                .dataset();
        assertEquals(List.of("cat", "dog"), data.classNames());
        assertEquals(3, data.height());
        assertEquals(5, data.width());
        assertEquals(1, data.channels());
        assertEquals(10, data.trainSize() + data.testSize());
        for (int i = 0; i < data.train().size(); i++) {
            float expected = data.train().labels()[i] == 0 ? 128 / 255f : 1f;
            for (float v : data.train().pixels()[i]) {
                assertEquals(expected, v, 3 / 255f, "a uniform image stays uniform after JPEG and resizing");
            }
        }
    }

    @Test
    void rgbJpegAndPngMixKeepThreeChannels() throws IOException {
        Path root = dir.resolve("rgb");
        for (int i = 0; i < 3; i++) {
            image(root.resolve("train/red/" + i + ".png"), 4, 4, BufferedImage.TYPE_INT_RGB, 0xff0000, "png");
            image(root.resolve("train/blue/" + i + ".jpg"), 4, 4, BufferedImage.TYPE_INT_RGB, 0x0000ff, "jpeg");
        }
        image(root.resolve("test/red/x.jpg"), 4, 4, BufferedImage.TYPE_INT_RGB, 0xff0000, "jpeg");
        image(root.resolve("test/blue/y.png"), 4, 4, BufferedImage.TYPE_INT_RGB, 0x0000ff, "png");
        ImageDataset data = (ImageDataset) open(root, DatasetReadOptions.defaults()).dataset();
        assertEquals(List.of("blue", "red"), data.classNames());
        assertEquals(3, data.channels());
        assertEquals(6, data.trainSize());
        assertEquals(2, data.testSize());
        float[] pixel = java.util.Arrays.copyOf(data.test().pixels()[0], 3);
        float[] expected = data.test().labels()[0] == 0 ? new float[] {0, 0, 1} : new float[] {1, 0, 0};
        assertArrayEquals(expected, pixel, 0.05f);
    }

    @Test
    void aNumericTableTakesTheChosenInputAndTargetColumns() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c,y\n");
        for (int i = 0; i < 10; i++) {
            csv.append(i).append(',').append(10 * i).append(',').append(-i).append(',').append(100 + i).append('\n');
        }
        Path file = Files.writeString(dir.resolve("table.csv"), csv);
        DatasetReadOptions options = new DatasetReadOptions(null, null, List.of(), ClassOrder.SORTED,
                TokenizerOptions.defaults(), null, List.of("c", "a"), "y", 0.2);
        TabularDataset data = (TabularDataset) open(file, options).dataset();
        assertEquals(List.of("c", "a"), data.inputColumns());
        assertEquals("y", data.targetColumn());
        assertEquals(10, data.trainSize() + data.testSize());
        for (int i = 0; i < data.train().size(); i++) {
            double[] row = data.train().inputs()[i];
            assertEquals(-row[0], row[1], 0);
            assertEquals(100 + row[1], data.train().targets()[i], 0);
        }
        DatasetReadOptions wrong = new DatasetReadOptions(null, null, List.of(), ClassOrder.SORTED,
                TokenizerOptions.defaults(), null, List.of("a", "z"), "y", 0.2);
        assertEquals("table.csv line 1: header has no \"z\" column (an input); columns are [a, b, c, y]",
                assertThrows(DatasetFormatException.class, () -> open(file, wrong)).getMessage());
    }

    @Test
    void aCsvWithoutTheDefaultNamesIsReadWithTheGuessedTextColumns() throws IOException {
        Path file = Files.writeString(dir.resolve("reviews.csv"), "sentence,sentiment\nfine film,positive\n"
                + "dull film,negative\n");
        DatasetFiles.Opened opened = open(file, DatasetReadOptions.defaults());
        TextDataset data = (TextDataset) opened.dataset();
        assertEquals(List.of("negative", "positive"), data.classNames());
        assertEquals("sorted", opened.classOrder());
    }
}
