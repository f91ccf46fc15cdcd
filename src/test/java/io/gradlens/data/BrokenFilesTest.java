package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every reader, fed broken files, names file, line or record, and problem. */
class BrokenFilesTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    static byte[] idx(int type, int[] dims, int dataBytes) {
        byte[] bytes = new byte[4 + 4 * dims.length + dataBytes];
        bytes[2] = (byte) type;
        bytes[3] = (byte) dims.length;
        for (int d = 0; d < dims.length; d++) {
            for (int b = 0; b < 4; b++) {
                bytes[4 + 4 * d + b] = (byte) (dims[d] >>> (24 - 8 * b));
            }
        }
        return bytes;
    }

    private static void assertMessage(String expected, Executable load) {
        DatasetFormatException e = assertThrows(DatasetFormatException.class, load);
        assertEquals(expected, e.getMessage());
    }

    private TextDataset readText(Path file) throws IOException {
        return TextFileReader.read(file, TextFileOptions.defaults("t").withClassNames(List.of("neg", "pos")));
    }

    // ------------------------------------------------------------------ text files

    @Test
    void badLabelNamesLineAndAllowedValues() throws IOException {
        Path file = write("sentences.csv", "text,label\ngood,1\n\"bad, really\",0\nmeh,maybe\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> readText(file));
        assertEquals("sentences.csv line 4: label \"maybe\" is not one of the classes [neg, pos] (or a class index 0..1)",
                e.getMessage());
        assertEquals(4, e.line());
        assertEquals(file, e.file());
        Path outOfRange = write("range.tsv", "text\tlabel\nfine\t2\n");
        assertMessage("range.tsv line 2: label \"2\" is not one of the classes [neg, pos] (or a class index 0..1)",
                () -> readText(outOfRange));
        Path negative = write("negative.tsv", "text\tlabel\nfine\t-1\n");
        assertMessage("negative.tsv line 2: label \"-1\" is not a class index (0, 1, 2, ...)",
                () -> TextFileReader.read(negative, TextFileOptions.defaults("t")));
    }

    @Test
    void raggedRowsAndQuotingErrors() throws IOException {
        Path ragged = write("ragged.tsv", "text\tlabel\ngood\t1\nbad\t0\textra\n");
        assertMessage("ragged.tsv line 3: ragged row: 3 fields, the header has 2", () -> readText(ragged));
        Path quote = write("quote.csv", "text,label\n\"never closed,1\n");
        assertMessage("quote.csv line 2: unterminated quote: a quoted field of the record starting here never closes",
                () -> readText(quote));
        Path after = write("after.csv", "text,label\n\"a\"b,1\n");
        assertMessage("after.csv line 2: text after a closing quote (a quoted field must end at a delimiter or the end "
                + "of the line)", () -> readText(after));
        // RFC 4180 wants such a field quoted; like most readers, a quote inside an unquoted field is kept as text
        Path inside = write("inside.csv", "text,label\nsay \"hi\",1\n");
        assertEquals("say \"hi\"", readText(inside).train().get(0).text());
        Path lateQuote = write("late.csv", "text,label\ngood,1\nfine,0\n\"multi\nline\nnever closed,1\nok,0\n");
        assertMessage("late.csv line 4: unterminated quote: a quoted field of the record starting here never closes",
                () -> readText(lateQuote));
    }

    @Test
    void missingColumnsFieldsAndEmptyText() throws IOException {
        Path noText = write("notext.tsv", "sentence\tlabel\nhi\t1\n");
        assertMessage("notext.tsv line 1: header has no \"text\" column (the text); columns are [sentence, label]",
                () -> readText(noText));
        Path empty = write("emptytext.tsv", "text\tlabel\n   \t1\n");
        assertMessage("emptytext.tsv line 2: text is empty", () -> readText(empty));
        Path header = write("header.tsv", "text\tlabel\n");
        assertMessage("header.tsv: has a header but no records", () -> readText(header));
        Path twice = write("twice.csv", "text,label,text\na,1,b\n");
        assertMessage("twice.csv line 1: header names column \"text\" twice", () -> readText(twice));
    }

    @Test
    void emptyFileAndInvalidUtf8() throws IOException {
        Path empty = write("empty.tsv", new byte[0]);
        assertMessage("empty.tsv: file is empty", () -> readText(empty));
        Path blank = write("blank.jsonl", "\n\n");
        assertMessage("blank.jsonl: file is empty", () -> readText(blank));
        byte[] bad = "text\tlabel\nok\t1\ncaf\u00e9\t0\n".getBytes(StandardCharsets.ISO_8859_1);
        Path latin1 = write("latin1.tsv", bad);
        assertMessage("latin1.tsv line 3: invalid UTF-8 (byte 0xE9 at offset 19)", () -> readText(latin1));
    }

    @Test
    void maskMustMatchTheTokens() throws IOException {
        Path shortMask = write("mask.tsv", "text\tlabel\tmask\nNot good at all!\t0\t1 1 1\n");
        assertMessage("mask.tsv line 2: mask has 3 values but the text has 5 tokens", () -> readText(shortMask));
        Path badValue = write("maskvalue.tsv", "text\tlabel\tmask\nGood.\t1\t1 x\n");
        assertMessage("maskvalue.tsv line 2: mask value \"x\" (token 2) is not a number in [0, 1]", () -> readText(badValue));
        Path jsonMask = write("mask.jsonl", "{\"text\":\"Good.\",\"label\":1,\"mask\":[1,0,1]}\n");
        assertMessage("mask.jsonl line 1: mask has 3 values but the text has 2 tokens", () -> readText(jsonMask));
        Path range = write("range.jsonl", "{\"text\":\"Good.\",\"label\":1,\"mask\":[1,2]}\n");
        assertMessage("range.jsonl line 1: mask value \"2\" (token 2) is not a number in [0, 1]", () -> readText(range));
    }

    @Test
    void jsonlErrors() throws IOException {
        Path invalid = write("bad.jsonl", "{\"text\":\"a\",\"label\":1}\n{\"text\": oops}\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> readText(invalid));
        assertEquals(2, e.line());
        assertEquals(true, e.getMessage().startsWith("bad.jsonl line 2: invalid JSON: "), e.getMessage());
        Path array = write("array.jsonl", "[1,2]\n");
        assertMessage("array.jsonl line 1: expected a JSON object", () -> readText(array));
        Path split = write("split.jsonl", "{\"text\":\"a\",\"label\":1,\"split\":\"dev\"}\n");
        assertMessage("split.jsonl line 1: split \"dev\" is not train or test", () -> readText(split));
        Path partial = write("partial.jsonl", "{\"text\":\"a\",\"label\":1,\"split\":\"test\"}\n{\"text\":\"b\",\"label\":0}\n");
        assertMessage("partial.jsonl line 2: no \"split\" field, but other records have one", () -> readText(partial));
    }

    @Test
    void gzipAndLimits() throws IOException {
        byte[] whole = gzip("text\tlabel\ngood\t1\nbad\t0\n".repeat(50).getBytes(StandardCharsets.UTF_8));
        Path truncated = write("cut.tsv.gz", Arrays.copyOf(whole, whole.length / 2));
        assertMessage("cut.tsv.gz: truncated gzip: the compressed stream ends early", () -> readText(truncated));
        Path big = write("big.tsv", "text\tlabel\n" + "word\t1\n".repeat(100));
        TextFileOptions small = TextFileOptions.defaults("t").withLimits(new ReadLimits(100, 1000));
        assertMessage("big.tsv: its size of 711 bytes exceeds the limit of 100 bytes (raise it with -Dgradlens.limit.fileBytes=<bytes>)", () -> TextFileReader.read(big, small));
        TextFileOptions few = TextFileOptions.defaults("t").withLimits(new ReadLimits(1 << 20, 10));
        assertMessage("big.tsv line 11: the line count exceeds the limit of 10 records (raise it with -Dgradlens.limit.records=<records>)", () -> TextFileReader.read(big, few));
    }

    // ------------------------------------------------------------------ IDX

    @Test
    void idxErrors() throws IOException {
        Path empty = write("empty-idx1-ubyte", new byte[0]);
        assertMessage("empty-idx1-ubyte: file is empty", () -> IdxFile.read(empty, ReadLimits.DEFAULT));
        byte[] magic = idx(0x08, new int[] {2}, 2);
        magic[0] = 0x1a;
        Path wrongMagic = write("magic-idx1-ubyte", magic);
        assertMessage("magic-idx1-ubyte: wrong IDX magic 0x1A000801: expected 0x000008NN (NN = number of dimensions)",
                () -> IdxFile.read(wrongMagic, ReadLimits.DEFAULT));
        Path floats = write("floats-idx1-ubyte", idx(0x0D, new int[] {2}, 8));
        assertMessage("floats-idx1-ubyte: IDX element type 0x0D is not supported; only 0x08 (unsigned byte)",
                () -> IdxFile.read(floats, ReadLimits.DEFAULT));
        Path truncated = write("cut-idx3-ubyte.gz", gzip(idx(0x08, new int[] {3, 28, 28}, 784 + 100)));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> IdxFile.read(truncated, ReadLimits.DEFAULT));
        assertEquals("cut-idx3-ubyte.gz record 2: truncated: header [3, 28, 28] needs 2352 data bytes, file has 884", e.getMessage());
        assertEquals(2, e.record());
        Path extra = write("extra-idx1-ubyte", idx(0x08, new int[] {2}, 5));
        assertMessage("extra-idx1-ubyte: 3 bytes after the data that header [2] describes", () -> IdxFile.read(extra, ReadLimits.DEFAULT));
        byte[] whole = gzip(idx(0x08, new int[] {100, 28, 28}, 78400));
        Path cutGzip = write("cutgz-idx3-ubyte.gz", Arrays.copyOf(whole, whole.length - 10));
        assertMessage("cutgz-idx3-ubyte.gz: truncated gzip: the compressed stream ends early",
                () -> IdxFile.read(cutGzip, ReadLimits.DEFAULT));
    }

    @Test
    void idxImageAndLabelMismatches() throws IOException {
        Path images = write("train-images-idx3-ubyte", idx(0x08, new int[] {2, 2, 2}, 8));
        byte[] labelBytes = idx(0x08, new int[] {2}, 2);
        labelBytes[labelBytes.length - 1] = 10;
        Path labels = write("train-labels-idx1-ubyte", labelBytes);
        assertMessage("train-labels-idx1-ubyte record 2: label 10 is not one of 0..9",
                () -> IdxImages.readSplit(images, labels, 10, ReadLimits.DEFAULT));
        Path three = write("three-labels-idx1-ubyte", idx(0x08, new int[] {3}, 3));
        assertMessage("three-labels-idx1-ubyte: 3 labels for 2 images in train-images-idx3-ubyte",
                () -> IdxImages.readSplit(images, three, 10, ReadLimits.DEFAULT));
    }

    // ------------------------------------------------------------------ other readers

    @Test
    void digitsCsvErrors() throws IOException {
        String row = "0,".repeat(64) + "3\n";
        Path rows = write("rows.txt", "0\n");
        Path ragged = write("digits.csv", row + "0,1,2\n");
        assertMessage("digits.csv line 2: ragged row: 3 fields, expected 65",
                () -> DigitsCsvReader.read(ragged, rows, DatasetInfo.ofFile(ragged), ReadLimits.DEFAULT));
        Path bright = write("bright.csv", row.replaceFirst("0", "17"));
        assertMessage("bright.csv line 1: pixel 1 \"17\" is not an integer in 0..16",
                () -> DigitsCsvReader.read(bright, rows, DatasetInfo.ofFile(bright), ReadLimits.DEFAULT));
        Path badRows = write("badrows.txt", "0\n5\n");
        Path ok = write("ok.csv", row);
        assertMessage("badrows.txt line 2: row number \"5\" is not an integer in 0..0",
                () -> DigitsCsvReader.read(ok, badRows, DatasetInfo.ofFile(ok), ReadLimits.DEFAULT));
    }

    @Test
    void tabularErrors() throws IOException {
        Path text = write("table.csv", "x,y,target\n1,2,3\n4,five,6\n");
        assertMessage("table.csv line 3: y \"five\" is not a finite number",
                () -> TabularCsvReader.read(text, null, "t", DatasetInfo.ofFile(text), 0, ReadLimits.DEFAULT));
        Path nan = write("nan.csv", "x,target\n1,NaN\n");
        assertMessage("nan.csv line 2: target \"NaN\" is not a finite number",
                () -> TabularCsvReader.read(nan, null, "t", DatasetInfo.ofFile(nan), 0, ReadLimits.DEFAULT));
        Path noTarget = write("notarget.csv", "x,y\n1,2\n");
        TabularSchema schema = new TabularSchema("price", java.util.Map.of("inputs", List.of("x", "y")));
        assertMessage("notarget.csv line 1: header has no \"price\" column; columns are [x, y]",
                () -> TabularCsvReader.read(noTarget, schema, "t", DatasetInfo.ofFile(noTarget), 0, ReadLimits.DEFAULT));
        Path ragged = write("ragged.csv", "x,target\n1,2\n3\n");
        assertMessage("ragged.csv line 3: ragged row: 1 fields, the header has 2",
                () -> TabularCsvReader.read(ragged, null, "t", DatasetInfo.ofFile(ragged), 0, ReadLimits.DEFAULT));
    }

    @Test
    void wordVectorErrors() throws IOException {
        Path words = write("words.txt", "a\nb\n");
        Path matrix = write("vectors.f16be.gz", gzip(new byte[2 * 3 * 2 - 1]));
        assertMessage("vectors.f16be.gz: 11 bytes, but 2 words of 3 half floats need 12",
                () -> WordVectors.load(words, matrix, 3, ReadLimits.DEFAULT));
        Path repeated = write("repeated.txt", "a\na\n");
        Path fits = write("fits.f16be", new byte[12]);
        assertMessage("repeated.txt line 2: word \"a\" is empty or repeated",
                () -> WordVectors.load(repeated, fits, 3, ReadLimits.DEFAULT));
    }

    @Test
    void lexiconErrors() throws IOException {
        Path lexicon = write("lexicon.tsv", "token\tmean_valence\ngood\t1.9\nbad\tnegative\n");
        assertMessage("lexicon.tsv line 3: mean_valence \"negative\" is not a number", () -> SentimentLexicon.load(lexicon));
    }

    @Test
    void pngErrors() throws IOException {
        Path root = dir.resolve("pngs");
        Files.createDirectories(root.resolve("cat"));
        Path fake = write("pngs/cat/fake.png", "not an image");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> PngFolderLoader.load(root, 0, ReadLimits.DEFAULT));
        assertEquals(fake, e.file());
        assertEquals("fake.png: not a readable PNG image", e.getMessage());
        Path none = Files.createDirectories(dir.resolve("none"));
        assertMessage("none: no class subfolders", () -> PngFolderLoader.load(none, 0, ReadLimits.DEFAULT));
    }
}
