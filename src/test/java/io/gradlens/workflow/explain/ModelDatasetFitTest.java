package io.gradlens.workflow.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetInfo;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The reasons and warnings of {@link ModelDatasetFit#fit}, one per way a pairing can go wrong. */
class ModelDatasetFitTest {

    private static final DatasetInfo INFO = new DatasetInfo("test", "none", "", "fit");

    static Classifier textModel(List<String> classes, List<String> words) {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.FLOAT, 1)
                .add("embedding", "embedding", Map.of("input_dim", words.size() + 2, "output_dim", 3))
                .add("global_average_pool1d", "pool", Map.of())
                .add("dense", "out", Map.of("units", classes.size()))
                .build();
        return new Classifier(net, new InputSpec.Tokens(Vocabulary.of(words)), classes, Map.of());
    }

    private static Classifier imageModel(int height, int width) {
        Sequential net = Sequential.builder(new long[] {height, width, 1}, DataType.FLOAT, 1)
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        return new Classifier(net, new InputSpec.Image(height, width, 1), List.of("0", "1"), Map.of());
    }

    static TextDataset texts(String name, List<String> classes, String... test) {
        List<TextExample> examples = java.util.Arrays.stream(test).map(t -> new TextExample(t, 0, null)).toList();
        return new TextDataset(name, classes, examples, examples, INFO);
    }

    private static ImageDataset images(int height, int width) {
        ImageSplit split = new ImageSplit(new float[][] {new float[height * width]}, new int[] {1}, null);
        return new ImageDataset("pics", List.of("0", "1"), height, width, 1, split, split, INFO);
    }

    @Test
    void otherClassNamesAreAReasonThatNamesBothLists() {
        Classifier sentiment = textModel(List.of("negative", "positive"), List.of("good", "bad"));
        FitReport report = ModelDatasetFit.fit(sentiment, texts("sotu", List.of("Democratic", "Republican"),
                "good bad"));
        assertFalse(report.compatible());
        assertEquals("the model's classes are negative, positive but the classes of dataset 'sotu' are "
                + "Democratic, Republican", report.reasonLine());
        assertEquals(report.reasonLine(), assertThrows(ModelDatasetMismatchException.class,
                () -> ModelDatasetFit.check(sentiment, texts("sotu", List.of("Democratic", "Republican"), "good")))
                .getMessage());
    }

    @Test
    void theSameClassesInAnotherOrderAreRefusedAndSaidSo() {
        FitReport report = ModelDatasetFit.fit(textModel(List.of("negative", "positive"), List.of("good")),
                texts("flipped", List.of("positive", "negative"), "good"));
        assertFalse(report.compatible());
        assertTrue(report.reasonLine().contains("another order"), report.reasonLine());
    }

    @Test
    void placeholderNamesOfAnImportedModelMatchAnyNames() {
        FitReport report = ModelDatasetFit.fit(textModel(List.of("class_0", "class_1"), List.of("good")),
                texts("reviews", List.of("negative", "positive"), "good"));
        assertTrue(report.compatible(), report.reasonLine());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void aDatasetThatNumbersItsClassesIsReadAsTheModelsClassesWithAWarning() {
        Classifier sentiment = textModel(List.of("negative", "positive"), List.of("good"));
        TextDataset numbered = texts("reviews01", List.of("0", "1"), "good");
        FitReport report = ModelDatasetFit.fit(sentiment, numbered);
        assertTrue(report.compatible(), report.reasonLine());
        assertEquals("dataset 'reviews01' numbers its classes 0, 1 instead of naming them: they are taken to "
                + "be the model's negative, positive", report.warningLine());
        assertEquals(List.of("negative", "positive"), ModelDatasetFit.labelNames(sentiment, numbered));
        assertEquals(List.of("negative", "positive"), ModelDatasetFit.predictionNames(sentiment, numbered));
        // Digits named 0..9 on both sides are simply the same names: no warning.
        Classifier digits = imageModel(4, 4);
        assertEquals(List.of(), ModelDatasetFit.fit(digits, images(4, 4)).warnings());
        assertEquals(List.of("0", "1"), ModelDatasetFit.labelNames(digits, images(4, 4)));
    }

    @Test
    void anImportersPlaceholderNamesShowTheDatasetsNames() {
        Classifier imported = textModel(List.of("class_0", "class_1"), List.of("good"));
        assertEquals(List.of("neg", "pos"), ModelDatasetFit.predictionNames(imported,
                texts("reviews", List.of("neg", "pos"), "good")));
    }

    @Test
    void aTextModelOnImagesAndAWrongImageShapeAreReasons() {
        FitReport onImages = ModelDatasetFit.fit(textModel(List.of("0", "1"), List.of("good")), images(4, 4));
        assertEquals("the model reads text (3 words) but dataset 'pics' has images 4x4x1", onImages.reasonLine());
        FitReport shape = ModelDatasetFit.fit(imageModel(28, 28), images(8, 8));
        assertEquals("the model reads images 28x28x1 but dataset 'pics' has images 8x8x1", shape.reasonLine());
        FitReport onText = ModelDatasetFit.fit(imageModel(4, 4), texts("words", List.of("0", "1"), "good"));
        assertEquals("the model reads images 4x4x1 but dataset 'words' is text", onText.reasonLine());
        assertTrue(ModelDatasetFit.fit(imageModel(4, 4), images(4, 4)).compatible());
    }

    @Test
    void aDifferentNumberOfClassesIsAReason() {
        FitReport report = ModelDatasetFit.fit(textModel(List.of("a", "b", "c"), List.of("good")),
                texts("two", List.of("a", "b"), "good"));
        assertEquals("the model has 3 classes [a, b, c] but dataset 'two' has 2 [a, b]", report.reasonLine());
    }

    @Test
    void lowVocabularyCoverageWarnsWithTheShareAndNoKnownWordRefuses() {
        Classifier model = textModel(List.of("neg", "pos"), List.of("good", "bad"));
        // 2 of the 6 tokens are known: 33 %.
        FitReport low = ModelDatasetFit.fit(model, texts("news", List.of("neg", "pos"), "good xx yy", "zz bad ww"));
        assertTrue(low.compatible());
        assertEquals("only 33 % of the test tokens of dataset 'news' (2 of 6) are in the model's vocabulary: "
                + "it was probably trained on other text", low.warningLine());
        // 3 of 4 known: no warning.
        assertEquals(List.of(), ModelDatasetFit.fit(model, texts("reviews", List.of("neg", "pos"),
                "good bad", "good xx")).warnings());
        FitReport none = ModelDatasetFit.fit(model, texts("foreign", List.of("neg", "pos"), "xx yy"));
        assertFalse(none.compatible());
        assertEquals("none of the 2 tokens of dataset 'foreign' is in the model's vocabulary: the model was not "
                + "trained on text like this", none.reasonLine());
    }
}
