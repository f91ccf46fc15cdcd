package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInDatasetsTest {

    private static int[] classCounts(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        return counts;
    }

    private static int[] classCounts(List<TextExample> examples, int classes) {
        return classCounts(examples.stream().mapToInt(TextExample::label).toArray(), classes);
    }

    @Test
    void mnistHasTheStratifiedSplitAndKnownFirstDigits() {
        ImageDataset mnist = ShippedData.image("mnist", 0);
        assertEquals(8000, mnist.trainSize());
        assertEquals(2000, mnist.testSize());
        assertEquals(List.of(28, 28, 1), List.of(mnist.height(), mnist.width(), mnist.channels()));
        assertArrayEquals(new int[] {801, 902, 793, 826, 784, 690, 811, 856, 755, 782}, classCounts(mnist.train().labels(), 10));
        assertArrayEquals(new int[] {200, 225, 198, 206, 196, 173, 203, 214, 189, 196}, classCounts(mnist.test().labels(), 10));
        // every class is 20 % test, within one example of rounding
        int[] all = IntStream.range(0, 10).map(k -> classCounts(mnist.train().labels(), 10)[k] + classCounts(mnist.test().labels(), 10)[k]).toArray();
        int[] test = classCounts(mnist.test().labels(), 10);
        for (int k = 0; k < 10; k++) {
            assertTrue(Math.abs(test[k] - all[k] * 0.2) <= 1, "class " + k);
        }
        assertArrayEquals(new int[] {2, 9, 6, 0, 9}, java.util.Arrays.copyOf(mnist.train().labels(), 5));
        float[] first = mnist.train().pixels()[0];
        assertEquals(0f, first[95]);
        assertEquals(32 / 255f, first[96]);
        assertEquals(218 / 255f, first[97]);
        assertEquals(1f, first[98]);
        assertEquals(110 / 255f, first[99]);
        assertEquals(30871, Math.round(sum(first) * 255));
        assertArrayEquals(new int[] {4, 5, 8, 2, 3}, java.util.Arrays.copyOf(mnist.test().labels(), 5));
        assertEquals(24888, Math.round(sum(mnist.test().pixels()[0]) * 255));
        assertNull(mnist.train().relevanceMasks());
    }

    private static double sum(float[] values) {
        double s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }

    @Test
    void digitsHave1797EightByEightImagesWithSeventeenLevels() {
        ImageDataset digits = ShippedData.image("digits", 0);
        assertEquals(1438, digits.trainSize());
        assertEquals(359, digits.testSize());
        assertEquals(64, digits.pixelCount());
        // row 0 of the CSV is a 0 and stays in train: 0,0,5,13,9,1,0,0 on its first image row
        assertEquals(0, digits.train().labels()[0]);
        float[] first = digits.train().pixels()[0];
        assertArrayEquals(new float[] {0, 0, 5 / 16f, 13 / 16f, 9 / 16f, 1 / 16f, 0, 0}, java.util.Arrays.copyOf(first, 8));
        int[] test = classCounts(digits.test().labels(), 10);
        for (int k = 0; k < 10; k++) {
            assertTrue(test[k] == 35 || test[k] == 36 || test[k] == 37, "class " + k + ": " + test[k]);
        }
    }

    @Test
    void sentencesAreBalancedWithAKnownSentenceAndVaderMasks() {
        TextDataset sentences = ShippedData.text("sentences", 0);
        assertEquals(2400, sentences.trainSize());
        assertEquals(600, sentences.testSize());
        assertArrayEquals(new int[] {1200, 1200}, classCounts(sentences.train(), 2));
        assertArrayEquals(new int[] {300, 300}, classCounts(sentences.test(), 2));
        assertEquals(List.of("negative", "positive"), sentences.classNames());
        TextExample good = sentences.train().get(1);
        assertEquals("Good case, Excellent value.", good.text());
        assertEquals(1, good.label());
        // VADER lists "good" (1.9), "excellent" (2.7) and "value" (1.4), not "case" or punctuation
        assertEquals(List.of("good", "case", ",", "excellent", "value", "."), good.tokens());
        assertArrayEquals(new float[] {1, 0, 0, 1, 1, 0}, good.tokenRelevance());
    }

    @Test
    void sentenceMasksMarkExactlyTheVaderTokens() throws IOException {
        TextDataset sentences = ShippedData.text("sentences", 0);
        SentimentLexicon vader = BuiltInDatasets.vaderLexicon(ShippedData.DIR);
        int withSentiment = 0;
        for (List<TextExample> split : List.of(sentences.train(), sentences.test())) {
            for (TextExample e : split) {
                List<String> tokens = e.tokens();
                assertEquals(tokens.size(), e.tokenRelevance().length, e.text());
                boolean any = false;
                for (int k = 0; k < tokens.size(); k++) {
                    assertEquals(vader.contains(tokens.get(k)) ? 1f : 0f, e.tokenRelevance()[k], tokens.get(k));
                    any |= e.tokenRelevance()[k] == 1f;
                }
                withSentiment += any ? 1 : 0;
            }
        }
        assertEquals(2400, withSentiment); // 1,928 train + 472 test sentences hold at least one VADER token
    }

    @Test
    void sotuChunksHaveAtLeastAThousandTokensAndTwoParties() {
        TextDataset sotu = ShippedData.text("sotu", 0);
        assertEquals(1299, sotu.trainSize());
        assertEquals(331, sotu.testSize());
        assertArrayEquals(new int[] {637, 662}, classCounts(sotu.train(), 2));
        assertArrayEquals(new int[] {173, 158}, classCounts(sotu.test(), 2));
        assertEquals(List.of("Democratic", "Republican"), sotu.classNames());
        for (List<TextExample> split : List.of(sotu.train(), sotu.test())) {
            for (TextExample e : split) {
                assertTrue(Tokenizer.tokenize(e.text()).size() >= 1000, e.text().substring(0, 60));
            }
        }
        // first line of the file: Andrew Jackson 1829 (Democratic), a test speech
        TextExample jackson = sotu.test().get(0);
        assertTrue(jackson.text().startsWith("Fellow Citizens of the Senate and of the House of Representatives: It affords me"));
        assertEquals(0, jackson.label());
    }

    @Test
    void priceHasTwoInputGroupsAndFollowsTheFormula() {
        TabularDataset price = (TabularDataset) ShippedData.load("price", 0);
        assertEquals(1605, price.trainSize());
        assertEquals(395, price.testSize());
        assertEquals(List.of("reference_price", "area_sqm", "age_years", "distance_km", "condition"), price.inputColumns());
        assertArrayEquals(new int[] {0}, price.groupIndices("reference"));
        assertArrayEquals(new int[] {1, 2, 3, 4}, price.groupIndices("features"));
        assertEquals("price", price.targetColumn());
    }

    @Test
    void catalogueMatchesWhatLoads() {
        for (BuiltInDatasets.Entry entry : BuiltInDatasets.list()) {
            if (entry.name().equals("fashion-mnist") && !FashionMnist.isInstalled(Path.of(FashionMnist.DEBIAN_DIR))) {
                continue;
            }
            Dataset dataset = ShippedData.load(entry.name(), 0);
            assertEquals(entry.name(), dataset.name());
            assertEquals(entry.trainSize(), dataset.trainSize(), entry.name());
            assertEquals(entry.testSize(), dataset.testSize(), entry.name());
            assertEquals(entry.license(), dataset.info().license());
        }
    }

    @Test
    void unknownNameAndMissingFolderSayWhatIsWrong(@TempDir Path empty) {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> BuiltInDatasets.load("cifar", 0, ShippedData.DIR));
        assertTrue(unknown.getMessage().contains("cifar") && unknown.getMessage().contains("decoy-mnist"));
        MissingDatasetException missing = assertThrows(MissingDatasetException.class,
                () -> BuiltInDatasets.load("sentences", 0, empty));
        assertTrue(missing.getMessage().contains(empty.resolve("sentences.tsv").toAbsolutePath().toString()), missing.getMessage());
    }

    @Test
    void datasetsFolderComesFromTheSystemProperty(@TempDir Path dir) {
        String before = System.getProperty(DatasetsDirectory.PROPERTY);
        try {
            System.setProperty(DatasetsDirectory.PROPERTY, dir.toString());
            assertEquals(dir, DatasetsDirectory.locate());
            System.setProperty(DatasetsDirectory.PROPERTY, dir.resolve("nope").toString());
            MissingDatasetException e = assertThrows(MissingDatasetException.class, DatasetsDirectory::locate);
            assertTrue(e.getMessage().contains(dir.resolve("nope").toAbsolutePath().toString()), e.getMessage());
        } finally {
            if (before == null) {
                System.clearProperty(DatasetsDirectory.PROPERTY);
            } else {
                System.setProperty(DatasetsDirectory.PROPERTY, before);
            }
        }
    }

    @Test
    void gloveSubsetHasTheSourceValuesToHalfPrecision() throws IOException {
        WordVectors glove = BuiltInDatasets.glove100d(ShippedData.DIR);
        assertEquals(100, glove.dimension());
        assertEquals(13810, glove.size());
        assertEquals(List.of("the", ",", ".", "of", "to"), glove.words().subList(0, 5));
        float[] good = glove.vector("good");
        float[] expected = {-0.030769f, 0.11993f, 0.53909f, -0.43696f};
        for (int d = 0; d < expected.length; d++) {
            assertEquals(expected[d], good[d], Math.abs(expected[d]) / 1024 + 1e-7, "dimension " + d);
        }
        assertNull(glove.vector("decoypos"));
        Vocabulary vocabulary = Vocabulary.of(List.of("good", "zzzunknownzzz"));
        float[][] matrix = glove.matrixFor(vocabulary);
        assertArrayEquals(new float[100], matrix[Vocabulary.PAD]);
        assertArrayEquals(good, matrix[2]);
        assertArrayEquals(new float[100], matrix[3]);
    }

    @Test
    void vaderLexiconHasAllEntries() throws IOException {
        SentimentLexicon vader = BuiltInDatasets.vaderLexicon(ShippedData.DIR);
        assertEquals(7503, vader.size()); // 7,517 lines, 14 tokens listed twice
        assertEquals(1.8, vader.valence("lol")); // lines 304 (2.9) and 4404 (1.8): the later wins
        assertTrue(vader.contains("excellent"));
        assertTrue(vader.contains("lol") && vader.contains("LOL"));
        assertEquals(-1.5, vader.valence("$:"));
        assertEquals(2.7, vader.valence("excellent"));
    }
}
