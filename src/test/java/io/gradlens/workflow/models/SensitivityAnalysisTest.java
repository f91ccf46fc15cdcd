package io.gradlens.workflow.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.DatasetInfo;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.InputGroupSensitivity;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Model;
import io.gradlens.nn.PriceModel;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** {@link SensitivityAnalysis} on each kind of {@link Model}, checked against closed forms. */
class SensitivityAnalysisTest {

    /**
     * The shipped regression model, opened as a plain {@link Model}: by construction
     * out = (h(features) + 1) · reference_price, so ∂out/∂reference_price = out / reference_price
     * on every row.
     */
    @Test
    void aMultiInputRegressionModelReadsItsColumnsAndHasTheClosedFormReferenceGradient() throws Exception {
        Model model = ModelOpening.open(Path.of("assets/models/price-model.gradlens"), null);
        assertEquals(Model.Kind.MULTI_INPUT_REGRESSION, model.kind());
        TabularDataset table = (TabularDataset) BuiltInDatasets.load("price", 0);
        SensitivityOutcome outcome = SensitivityAnalysis.run(new SensitivityQuery(model, table, Split.TEST, 30, null,
                null), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(30, outcome.report().rows());
        assertEquals("regression", outcome.report().output());
        assertTrue(outcome.classNames().isEmpty());
        InputGroupSensitivity reference = outcome.report().input(PriceModel.REFERENCE_PRICE);
        int column = table.inputColumns().indexOf(PriceModel.REFERENCE_PRICE);
        for (int r = 0; r < 30; r++) {
            double price = table.test().inputs()[r][column];
            assertEquals(outcome.outputs()[r] / price, reference.gradients()[r][0], 1e-4, "row " + r);
        }
        assertEquals(((PriceModel) model).featureNames().get(PriceModel.FEATURES),
                outcome.report().input(PriceModel.FEATURES).features());
    }

    /** A linear image classifier: ∂logit_c/∂pixel_j is the weight W[j, c] on every row. */
    @Test
    void anImageClassifiersLogitGradientIsItsWeights() {
        Sequential net = Sequential.builder(new long[] {2, 3, 1}, DataType.DOUBLE, 5)
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        Classifier model = new Classifier(net, new InputSpec.Image(2, 3, 1), List.of("a", "b"), Map.of());
        double[][] w = net.layer("out").parameters().get("kernel").value().toDoubleMatrix();
        ImageDataset images = images(2, 3, 4);
        SensitivityOutcome outcome = SensitivityAnalysis.run(new SensitivityQuery(model, images, Split.TRAIN, 3,
                "logit", "b"), ProgressListener.NONE, CancellationToken.NONE);
        assertEquals("logit[1]", outcome.report().output());
        assertEquals(3, outcome.report().rows());
        InputGroupSensitivity g = outcome.report().input("input");
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 6; j++) {
                assertEquals(w[j][1], g.gradients()[r][j], 1e-12);
            }
        }
        assertEquals(List.of("a", "b"), outcome.classNames());
    }

    @Test
    void theModelKindDecidesWhatItCanRead() throws Exception {
        Model price = ModelOpening.open(Path.of("assets/models/price-model.gradlens"), null);
        ImageDataset images = images(2, 3, 2);
        IllegalArgumentException notTabular = assertThrows(IllegalArgumentException.class, () ->
                SensitivityAnalysis.run(new SensitivityQuery(price, images, Split.TEST, 0, null, null),
                        ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(notTabular.getMessage().contains("dataset 'tiny' is not tabular"), notTabular.getMessage());
        IllegalArgumentException output = assertThrows(IllegalArgumentException.class, () ->
                SensitivityAnalysis.run(new SensitivityQuery(price, images, Split.TEST, 0, "logit", null),
                        ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(output.getMessage().contains("the output must be regression"), output.getMessage());
        Model text = ModelOpening.open(Path.of("assets/models/sentiment-lstm.gradlens"), null);
        IllegalArgumentException tokens = assertThrows(IllegalArgumentException.class, () ->
                SensitivityAnalysis.run(new SensitivityQuery(text, images, Split.TEST, 0, null, null),
                        ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(tokens.getMessage().contains("token ids have no gradient"), tokens.getMessage());
    }

    private static ImageDataset images(int height, int width, int n) {
        Random random = new Random(3);
        float[][] pixels = new float[n][height * width];
        for (float[] p : pixels) {
            for (int i = 0; i < p.length; i++) {
                p[i] = random.nextFloat();
            }
        }
        ImageSplit split = new ImageSplit(pixels, new int[n], null);
        return new ImageDataset("tiny", List.of("a", "b"), height, width, 1, split, split,
                new DatasetInfo("test", "none", "none", "tiny images"));
    }
}
