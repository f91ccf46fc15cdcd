package io.gradlens.data.imports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetFormatException;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link TextImport}: RFC 4180 details, word and integer labels, class order, column mapping, previews. */
class TextImportTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
    }

    private static List<TextExample> all(TextDataset data) {
        List<TextExample> all = new ArrayList<>(data.train());
        all.addAll(data.test());
        return all;
    }

    private static TextExample withText(TextDataset data, String text) {
        return all(data).stream().filter(e -> e.text().equals(text)).findFirst().orElseThrow(
                () -> new AssertionError("no example \"" + text + "\" in " + all(data)));
    }

    @Test
    void quotedFieldsKeepDelimitersQuotesAndNewlines() throws IOException {
        Path file = write("reviews.csv", "text,label\n"
                + "\"Loved it, really\",positive\n"
                + "\"He said \"\"meh\"\"\",negative\n"
                + "\"first line\nsecond line\",positive\n"
                + "plain,negative\n");
        TextDataset data = TextImport.load(TextImportSettings.defaults(file).withTestFraction(0));
        assertEquals(List.of("negative", "positive"), data.classNames());
        assertEquals(4, data.trainSize());
        assertEquals(1, withText(data, "Loved it, really").label());
        assertEquals(0, withText(data, "He said \"meh\"").label());
        assertEquals(1, withText(data, "first line\nsecond line").label());
        assertEquals(0, withText(data, "plain").label());
    }

    @Test
    void aProblemAfterAMultiLineRecordNamesTheLineWhereItsRecordStarts() throws IOException {
        Path file = write("lines.csv", "text,label\n\"one\ntwo\nthree\",1\nfour,\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class,
                () -> TextImport.load(TextImportSettings.defaults(file)));
        assertEquals("lines.csv line 5: label is empty", e.getMessage());
        Path ragged = write("ragged.csv", "text,label\n\"a\nb\",1\nc,0,extra\n");
        assertEquals("ragged.csv line 4: ragged row: 3 fields, the header has 2", assertThrows(
                DatasetFormatException.class, () -> TextImport.load(TextImportSettings.defaults(ragged))).getMessage());
    }

    @Test
    void aByteOrderMarkAndCrlfLineEndsAreRead() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "text,label\r\ngood,pos\r\n\"two\r\nlines\",neg\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, bytes, 0, bom.length);
        System.arraycopy(body, 0, bytes, bom.length, body.length);
        Path file = Files.write(dir.resolve("bom.csv"), bytes);
        TextDataset data = TextImport.load(TextImportSettings.defaults(file).withTestFraction(0));
        assertEquals(List.of("neg", "pos"), data.classNames());
        assertEquals(1, withText(data, "good").label());
        assertEquals(0, withText(data, "two\nlines").label());
    }

    @Test
    void semicolonAndTabDelimiters() throws IOException {
        Path semicolon = write("semi.csv", "text;label\n\"a; b\";x\nc;y\n");
        TextDataset data = TextImport.load(TextImportSettings.defaults(semicolon).withDelimiter(';').withTestFraction(0));
        assertEquals(List.of("x", "y"), data.classNames());
        assertEquals(0, withText(data, "a; b").label());
        Path tsv = write("plain.tsv", "text\tlabel\n\"quoted\" stays\tx\nc, d\ty\n");
        TextDataset tabbed = TextImport.load(TextImportSettings.defaults(tsv).withTestFraction(0));
        assertEquals(0, withText(tabbed, "\"quoted\" stays").label(), "TSV has no quoting");
        assertEquals(1, withText(tabbed, "c, d").label());
    }

    @Test
    void integerLabelsKeepTheirIndexAndWordLabelsFollowTheOrder() throws IOException {
        Path ints = write("ints.csv", "text,label\na,2\nb,0\n");
        TextDataset indexed = TextImport.load(TextImportSettings.defaults(ints).withTestFraction(0));
        assertEquals(List.of("0", "1", "2"), indexed.classNames());
        assertEquals(2, withText(indexed, "a").label());
        Path words = write("words.csv", "text,label\na,zebra\nb,apple\nc,mango\nd,apple\n");
        TextDataset sorted = TextImport.load(TextImportSettings.defaults(words).withTestFraction(0));
        assertEquals(List.of("apple", "mango", "zebra"), sorted.classNames());
        assertEquals(2, withText(sorted, "a").label());
        TextDataset first = TextImport.load(TextImportSettings.defaults(words).withTestFraction(0)
                .withOrder(ClassOrder.FIRST_APPEARANCE));
        assertEquals(List.of("zebra", "apple", "mango"), first.classNames());
        assertEquals(0, withText(first, "a").label());
        assertEquals(1, withText(first, "d").label());
        TextDataset explicit = TextImport.load(TextImportSettings.defaults(words).withTestFraction(0)
                .withClasses(List.of("mango", "zebra", "apple")));
        assertEquals(List.of("mango", "zebra", "apple"), explicit.classNames());
        assertEquals(1, withText(explicit, "a").label());
        assertEquals(2, withText(explicit, "b").label());
    }

    @Test
    void mixedOrUnknownLabelsAreRefusedNamingTheLabel() throws IOException {
        Path mixed = write("mixed.csv", "text,label\na,positive\nb,1\n");
        assertEquals("mixed.csv line 3: label \"1\" is a class index, but the labels before it are words (first: "
                + "\"positive\"); use words or indices, not both", assertThrows(DatasetFormatException.class,
                        () -> TextImport.load(TextImportSettings.defaults(mixed))).getMessage());
        Path unknown = write("unknown.csv", "text,label\na,positive\nb,neutral\n");
        assertEquals("unknown.csv line 3: label \"neutral\" is not one of the classes [negative, positive] (or a "
                + "class index 0..1)", assertThrows(DatasetFormatException.class, () -> TextImport.load(
                        TextImportSettings.defaults(unknown).withClasses(List.of("negative", "positive")))).getMessage());
    }

    @Test
    void columnMappingNestedJsonlKeysAndSplit() throws IOException {
        Path file = write("nested.jsonl", "{\"id\":1,\"body\":{\"text\":\"Good film\"},\"meta\":{\"label\":\"pos\","
                + "\"fold\":\"train\"},\"rationale\":[1,0]}\n"
                + "{\"id\":2,\"body\":{\"text\":\"Bad film\"},\"meta\":{\"label\":\"neg\",\"fold\":\"test\"}}\n");
        ColumnMapping columns = new ColumnMapping("body.text", "meta.label", "rationale", "id", "meta.fold");
        TextDataset data = TextImport.load(TextImportSettings.defaults(file).withColumns(columns));
        assertEquals(List.of("neg", "pos"), data.classNames());
        assertEquals(1, data.trainSize());
        assertEquals("Good film", data.train().get(0).text());
        assertArrayEquals(new float[] {1, 0}, data.train().get(0).tokenRelevance());
        assertEquals("Bad film", data.test().get(0).text());
        Path csv = write("renamed.csv", "review,sentiment\nfine,up\n");
        assertEquals("renamed.csv line 1: header has no \"text\" column (the text); columns are [review, sentiment]",
                assertThrows(DatasetFormatException.class, () -> TextImport.load(TextImportSettings.defaults(csv)))
                        .getMessage());
        TextDataset renamed = TextImport.load(TextImportSettings.defaults(csv)
                .withColumns(ColumnMapping.defaults().withText("review").withLabel("sentiment")));
        assertEquals(List.of("up"), renamed.classNames());
    }

    @Test
    void tokenizerOptionsDecideTokensAndMasks() throws IOException {
        Path file = write("case.tsv", "text\tlabel\tmask\nGreat FILM, truly!\t1\t1 0 1 0 1\n");
        TextImportSettings settings = TextImportSettings.defaults(file).withTestFraction(0);
        assertEquals(List.of("great", "film", ",", "truly", "!"), TextImport.load(settings).train().get(0).tokens());
        TextDataset kept = TextImport.load(settings.withTokenizer(new TokenizerOptions(false, true, 3)));
        TextExample example = kept.train().get(0);
        assertEquals(List.of("Great", "FILM", ","), example.tokens());
        assertArrayEquals(new float[] {1, 0, 1}, example.tokenRelevance(), "a whole-text mask is cut to the cap");
        Path spaces = write("spaces.tsv", "text\tlabel\nGreat FILM, truly!\t1\n");
        TextDataset joined = TextImport.load(TextImportSettings.defaults(spaces).withTestFraction(0)
                .withTokenizer(new TokenizerOptions(true, false, 0)));
        assertEquals(List.of("great", "film,", "truly!"), joined.train().get(0).tokens());
        assertEquals(joined.tokenizer(), joined.train().get(0).tokenizer());
    }

    @Test
    void previewCountsClassesListsProblemsWithLinesAndGuessesColumns() throws IOException {
        Path file = write("preview.csv", "review,sentiment,extra\n"
                + "good,positive,x\n"
                + "\"multi\nline\",negative,y\n"
                + "   ,positive,z\n"
                + "bad,negative\n"
                + "fine,positive,w\n");
        TextImportSettings settings = TextImportSettings.defaults(file)
                .withColumns(ColumnMapping.defaults().withText("review").withLabel("sentiment"));
        ImportPreview preview = TextImport.preview(settings, 2);
        assertEquals(List.of("review", "sentiment", "extra"), preview.columns());
        assertEquals(List.of(List.of("good", "positive", "x"), List.of("multi\nline", "negative", "y")),
                preview.firstRows());
        assertEquals(new ColumnMapping("review", "sentiment", null, null, null), preview.guessed());
        assertEquals(Map.of("negative", 1L, "positive", 2L), preview.classCounts());
        assertEquals(List.of("negative", "positive"), List.copyOf(preview.classCounts().keySet()));
        assertEquals(5, preview.records());
        assertEquals(List.of(new ImportProblem(5, "review", "text is empty"),
                new ImportProblem(6, null, "ragged row: 2 fields, the header has 3")), preview.problems());
        assertFalse(preview.problemsTruncated());
    }

    @Test
    void previewCapsItsProblemsAndNeverThrowsForBadContent() throws IOException {
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 250; i++) {
            csv.append("t").append(i).append(",\n");
        }
        csv.append("\"never closed,1\n");
        ImportPreview preview = TextImport.preview(TextImportSettings.defaults(write("many.csv", csv.toString())), 5);
        assertEquals(TextImport.MAX_PROBLEMS, preview.problems().size());
        assertTrue(preview.problemsTruncated());
        assertEquals(new ImportProblem(2, "label", "label is empty"), preview.problems().get(0));
    }

    @Test
    void theGuessPrefersExactNamesThenSynonyms() {
        assertEquals(new ColumnMapping("text", "label", null, null, null),
                ColumnGuess.guess(List.of("review", "text", "label", "category")));
        assertEquals(new ColumnMapping("Sentence", "meta.class", null, "uid", "fold"),
                ColumnGuess.guess(List.of("uid", "Sentence", "meta.class", "fold")));
    }
}
