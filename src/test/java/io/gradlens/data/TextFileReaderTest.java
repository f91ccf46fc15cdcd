package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextFileReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsCsvWithQuotesMaskAndSplit() throws IOException {
        Path file = Files.writeString(dir.resolve("reviews.csv"),
                "text,label,mask,split\n"
                        + "\"Not bad, \"\"really\"\"\",1,0 1 0 0 0 0,train\n"
                        + "Awful.,0,1 0,test\n");
        TextDataset dataset = TextFileReader.read(file, TextFileOptions.defaults("reviews"));
        assertEquals(List.of("0", "1"), dataset.classNames());
        TextExample first = dataset.train().get(0);
        assertEquals("Not bad, \"really\"", first.text());
        assertEquals(List.of("not", "bad", ",", "\"", "really", "\""), first.tokens());
        assertArrayEquals(new float[] {0, 1, 0, 0, 0, 0}, first.tokenRelevance());
        assertEquals("Awful.", dataset.test().get(0).text());
        assertEquals("reviews", dataset.name());
    }

    @Test
    void readsGzippedJsonlWithMaskArrays() throws IOException {
        String jsonl = "{\"text\":\"Great film\",\"label\":1,\"mask\":[1,0.5],\"split\":\"train\"}\n"
                + "{\"text\":\"Dull\",\"label\":0,\"split\":\"test\"}\n";
        Path file = Files.write(dir.resolve("films.jsonl.gz"), BrokenFilesTest.gzip(jsonl.getBytes(StandardCharsets.UTF_8)));
        TextDataset dataset = TextFileReader.read(file, TextFileOptions.defaults("films"));
        assertArrayEquals(new float[] {1, 0.5f}, dataset.train().get(0).tokenRelevance());
        assertNull(dataset.test().get(0).tokenRelevance());
    }

    @Test
    void withoutASplitColumnTheSeedDecidesAStratifiedSplit() throws IOException {
        StringBuilder tsv = new StringBuilder("text\tlabel\n");
        for (int i = 0; i < 100; i++) {
            tsv.append("text number ").append(i).append('\t').append(i % 4 == 0 ? 1 : 0).append('\n');
        }
        Path file = Files.writeString(dir.resolve("plain.tsv"), tsv);
        TextFileOptions options = TextFileOptions.defaults("plain");
        TextDataset a = TextFileReader.read(file, options);
        TextDataset b = TextFileReader.read(file, options);
        TextDataset c = TextFileReader.read(file, new TextFileOptions("plain", null, 0.2, 99L, null, ReadLimits.DEFAULT));
        assertEquals(20, a.testSize());
        assertEquals(5, a.test().stream().filter(e -> e.label() == 1).count());
        assertEquals(texts(a.test()), texts(b.test()));
        assertEquals(false, texts(a.test()).equals(texts(c.test())));
    }

    private static List<String> texts(List<TextExample> examples) {
        return examples.stream().map(TextExample::text).toList();
    }
}
