package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.DatasetLoader;
import io.gradlens.data.PngFolderLoader;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.TextFileOptions;
import io.gradlens.data.TextFileReader;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data floor refuses the corpus' datasets from their declared or counted sizes, before the
 * memory for them is taken, with a {@link DatasetFormatException} naming the file and the setting.
 */
class DatasetLimitsTest {

    @TempDir
    Path dir;

    private static String fails(Executable load) {
        return assertThrows(DatasetFormatException.class, load).getMessage();
    }

    @Test
    void aRecordLongerThanTheLimitIsRefusedAtItsLine() throws Exception {
        Path csv = Corpus.longRecordCsv(dir.resolve("long.csv"), 600_000);
        assertEquals("long.csv line 3: this line exceeds the limit of 1048576 bytes"
                + " (raise it with -Dgradlens.limit.recordBytes=<bytes>)", fails(() -> DatasetLoader.load(csv)));
    }

    @Test
    void aTextWithTooManyTokensIsRefused() throws Exception {
        Path csv = Corpus.longRecordCsv(dir.resolve("tokens.csv"), 30_000);
        assertEquals("tokens.csv line 3: the text's token count exceeds the limit of 20000 tokens"
                + " (raise it with -Dgradlens.limit.tokensPerText=<tokens>)", fails(() -> DatasetLoader.load(csv)));
        ReadLimits more = new ReadLimits(1L << 30, 1000, 1 << 20, 200_000, 10, 100);
        assertEquals(2, TextFileReader.read(csv, TextFileOptions.defaults("t").withLimits(more)).classNames().size());
    }

    @Test
    void theLargestLabelCannotAskForBillionsOfClasses() throws Exception {
        Path csv = Corpus.labelCsv(dir.resolve("labels.csv"), "2147483647");
        assertEquals("labels.csv line 3: label 2147483647 (it makes 2147483648 classes) exceeds the limit of 10000"
                + " classes (raise it with -Dgradlens.limit.classes=<classes>)", fails(() -> DatasetLoader.load(csv)));
    }

    @Test
    void theSettingsRaiseAndLowerTheLimitsInForce() throws Throwable {
        Path csv = Corpus.labelCsv(dir.resolve("few.csv"), "12");
        Settings.withLimit("classes", "5", () -> assertEquals("few.csv line 3: label 12 (it makes 13 classes) exceeds"
                + " the limit of 5 classes (raise it with -Dgradlens.limit.classes=<classes>)",
                fails(() -> DatasetLoader.load(csv))));
        assertEquals(13, ((io.gradlens.data.TextDataset) DatasetLoader.load(csv)).classNames().size());
    }

    @Test
    void aHugePngIsRefusedFromItsHeaderBeforeDecoding() throws Exception {
        Path root = Corpus.pngFolder(dir.resolve("pngs"), 20_000, 20_000, 400_000);
        assertEquals("big.png: its 20000x20000 pixels (400000000) exceeds the limit of 16777216 pixels"
                + " (raise it with -Dgradlens.limit.imagePixels=<pixels>)",
                fails(() -> PngFolderLoader.load(root, 0, ReadLimits.current())));
    }

    @Test
    void aSparseFileIsRefusedFromItsSize() throws Exception {
        Path csv = Corpus.sparse(dir.resolve("sparse.csv"), 3L << 30);
        assertEquals("sparse.csv: its size of 3221225472 bytes exceeds the limit of 1073741824 bytes"
                + " (raise it with -Dgradlens.limit.fileBytes=<bytes>)", fails(() -> DatasetLoader.load(csv)));
    }

    @Test
    void aGzipBombStopsAtTheRatioLimitWhileInflating() throws Exception {
        Path bomb = dir.resolve("bomb.csv.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            gz.write("text,label\n".getBytes());
            byte[] line = ("x".repeat((1 << 16) - 3) + ",0\n").getBytes();
            for (int i = 0; i < 1024; i++) {
                gz.write(line);
            }
        }
        String message = fails(() -> DatasetLoader.load(bomb));
        assertTrue(message.startsWith("bomb.csv.gz: its compression ratio ("), message);
        assertTrue(message.endsWith("(raise it with -Dgradlens.limit.zipRatio=<inflated bytes per compressed byte>)"),
                message);
    }

    @Test
    void aGzipBombStopsAtTheFileLimitWhileInflating() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("text,label\n".getBytes());
            gz.write(new byte[4 << 20]);
        }
        Path bomb = Files.write(dir.resolve("bomb.csv.gz"), bytes.toByteArray());
        ReadLimits small = new ReadLimits(1 << 20, 1000, 8 << 20, 100, 10, 100);
        assertEquals("bomb.csv.gz: its decompressed content exceeds the limit of 1048576 bytes"
                + " (raise it with -Dgradlens.limit.fileBytes=<bytes>)",
                fails(() -> TextFileReader.read(bomb, TextFileOptions.defaults("t").withLimits(small))));
    }
}
