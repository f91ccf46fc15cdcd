package io.gradlens.workflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Model;
import io.gradlens.nn.PriceModel;
import io.gradlens.util.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ModelOpening}: every format and kind into one {@link Model}, and the messages at the door. */
class ModelOpeningTest {

    private static final Path PRICE = Path.of("assets/models/price-model.gradlens");
    private static final Path CNN = Path.of("src/test/resources/keras/generated/conv2d_mnistlike");

    @Test
    void bundlesOfBothKindsAndKerasFilesOpenAsModels() throws Exception {
        Model price = ModelOpening.open(PRICE, null);
        assertTrue(price instanceof PriceModel);
        assertEquals(Model.Kind.MULTI_INPUT_REGRESSION, price.kind());
        assertEquals(Model.Kind.MULTI_INPUT_REGRESSION, ModelBundle.modelKind(PRICE));
        assertEquals("price", price.provenance().get("dataset"), "the bundle's provenance is kept");
        assertEquals("inputs features [4], reference_price [1]", price.describeInput());

        Model lstm = ModelOpening.open(Path.of("assets/models/sentiment-lstm.gradlens"), null);
        assertEquals(Model.Kind.CLASSIFIER, lstm.kind());
        assertEquals(((Classifier) lstm).classNames(), lstm.outputNames());

        for (String file : List.of("model.h5", "model.keras", "model.json")) {
            Model keras = ModelOpening.open(CNN.resolve(file), null);
            assertEquals(Model.Kind.CLASSIFIER, keras.kind(), file);
            assertEquals("images 8x8x1", keras.describeInput(), file);
        }
    }

    @Test
    void progressIsReportedAndCancellationChecked() throws Exception {
        List<String> messages = new ArrayList<>();
        ModelOpening.open(CNN.resolve("model.keras"), null, (done, total, message) -> messages.add(message),
                CancellationToken.NONE);
        assertEquals(List.of("Reading model.keras\u2026", "Opened model.keras: classifier model, images 8x8x1"),
                messages);
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThrows(CancellationToken.CancelledException.class, () ->
                ModelOpening.open(CNN.resolve("model.keras"), null, (d, t, m) -> { }, cancelled));
    }

    @Test
    void aCommandThatNeedsAClassifierSaysSoNamingTheFileAndKind() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                ModelOpening.classifier(PRICE, null, "sanity"));
        assertEquals("price-model.gradlens is a multi-input regression model; sanity needs a classifier",
                e.getMessage());
        Classifier cnn = ModelOpening.classifier(CNN.resolve("model.h5"), null, "sanity");
        assertSame(Model.Kind.CLASSIFIER, cnn.kind());
    }

    @Test
    void badFilesFailAtTheDoorWithTheirName(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("gone.h5");
        assertEquals(missing + ": no such model file", assertThrows(IllegalArgumentException.class, () ->
                ModelOpening.open(missing, null)).getMessage());
        Path text = Files.writeString(dir.resolve("notes.txt"), "hello");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelOpening.open(text, null)).getMessage()
                .startsWith("notes.txt is not a model file GradLens opens"));
        Path words = dir.resolve("words.txt");
        assertEquals(words + ": no such vocabulary file", assertThrows(IllegalArgumentException.class, () ->
                ModelOpening.open(CNN.resolve("model.h5"), words)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () ->
                ModelOpening.open(PRICE, text)).getMessage().contains("carries its own vocabulary"));
    }
}
