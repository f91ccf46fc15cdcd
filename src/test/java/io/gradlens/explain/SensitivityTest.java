package io.gradlens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.Tensor;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.PriceGenerator;
import io.gradlens.data.TabularDataset;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Input sensitivity of the multi-input price model and of a numeric-input classifier. */
class SensitivityTest {

    private static TabularDataset data;
    private static PriceModel trained;

    @BeforeAll
    static void train() throws Exception {
        data = (TabularDataset) BuiltInDatasets.load("price", 0, Path.of("datasets"));
        trained = PriceModelTraining.fit(data, 8, 25, 128, 0.02, DataType.DOUBLE, 3, CancellationToken.NONE);
    }

    private static Map<String, double[][]> inputs(PriceModel model, int rows) {
        double[][] f = PriceModelTraining.columns(data.test(), data, model.featureNames().get(PriceModel.FEATURES));
        double[][] p = PriceModelTraining.columns(data.test(), data, List.of(PriceModel.REFERENCE_PRICE));
        return Map.of(PriceModel.FEATURES, java.util.Arrays.copyOf(f, rows), PriceModel.REFERENCE_PRICE,
                java.util.Arrays.copyOf(p, rows));
    }

    private static double output(PriceModel model, double[] f, double p) {
        return model.forward(Map.of(PriceModel.FEATURES, Tensor.constant(Nd4j.createFromArray(new double[][] {f})),
                PriceModel.REFERENCE_PRICE, Tensor.constant(Nd4j.createFromArray(new double[][] {{p}}))),
                ForwardContext.inference()).item();
    }

    @Test
    void gradientWithRespectToTheReferencePriceIsHiddenPlusOne() {
        Map<String, double[][]> in = inputs(trained, 300);
        SensitivityReport r = new InputSensitivity(SensitivityOutput.regression())
                .attribute(trained, in, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(300, r.rows());
        double[][] dp = r.input(PriceModel.REFERENCE_PRICE).gradients();
        double[] hidden = trained.hidden(Tensor.constant(Nd4j.createFromArray(in.get(PriceModel.FEATURES))))
                .value().toDoubleVector();
        double trueMean = 0;
        for (int i = 0; i < 300; i++) {
            assertEquals(hidden[i] + 1, dp[i][0], 1e-12, "row " + i);
            double[] f = in.get(PriceModel.FEATURES)[i];
            trueMean += (PriceGenerator.h(f[0], f[1], f[2], f[3]) + 1) / 300;
        }
        // the trained model learned h: the mean sensitivity to the reference price is the true mean of h + 1
        assertEquals(trueMean, r.input(PriceModel.REFERENCE_PRICE).mean()[0], 0.02);
    }

    @Test
    void featureSensitivityMatchesFiniteDifferences() {
        Map<String, double[][]> in = inputs(trained, 20);
        SensitivityReport r = new InputSensitivity(SensitivityOutput.regression())
                .attribute(trained, in, ProgressListener.NONE, CancellationToken.NONE);
        InputGroupSensitivity features = r.input(PriceModel.FEATURES);
        assertEquals(List.of("area_sqm", "age_years", "distance_km", "condition"), features.features());
        double[][] g = features.gradients();
        double[] meanAbs = new double[4];
        for (int i = 0; i < 20; i++) {
            double[] f = in.get(PriceModel.FEATURES)[i].clone();
            double p = in.get(PriceModel.REFERENCE_PRICE)[i][0];
            for (int j = 0; j < 4; j++) {
                double h = 1e-5 * Math.max(1, Math.abs(f[j]));
                double orig = f[j];
                f[j] = orig + h;
                double plus = output(trained, f, p);
                f[j] = orig - h;
                double minus = output(trained, f, p);
                f[j] = orig;
                assertEquals((plus - minus) / (2 * h), g[i][j], 1e-6 * Math.max(1, Math.abs(g[i][j])));
                meanAbs[j] += Math.abs(g[i][j]) / 20;
            }
        }
        assertArrayEquals(meanAbs, features.meanAbsolute(), 1e-12);
        // price rises with area and falls with distance, as generated
        assertTrue(features.mean()[0] > 0, "area");
        assertTrue(features.mean()[2] < 0, "distance");
    }

    @Test
    void aSavedPriceModelLoadsWithTheSameOutputs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("price.gradlens");
        ModelBundle.write(trained, Map.of("dataset", "price"), file);
        assertEquals("price", ModelBundle.kind(file));
        PriceModel loaded = ModelBundle.readPriceModel(file);
        double[] f = {120, 30, 4, 0.5};
        assertEquals(output(trained, f, 250), output(loaded, f, 250), 1e-12);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelBundle.read(file));
        assertTrue(e.getMessage().contains("price model"), e.getMessage());
    }

    @Test
    void numericClassifierSensitivityIsTheWeightsForALinearModel() {
        Classifier image = TinyModels.linearImage(31);
        double[][] w = image.network().layer("out").parameters().get("kernel").value().toDoubleMatrix();
        AttributionInputs in = AttributionInputs.images(image, List.of(TinyModels.image(1, 12), TinyModels.image(2, 12)));
        SensitivityReport r = new InputSensitivity(SensitivityOutput.logit(2))
                .attribute(image, in, ProgressListener.NONE, CancellationToken.NONE);
        InputGroupSensitivity s = r.input("input");
        assertEquals("0,0,0", s.features().get(0));
        for (int j = 0; j < 12; j++) {
            assertEquals(w[j][2], s.mean()[j], 1e-12);
            assertEquals(Math.abs(w[j][2]), s.meanAbsolute()[j], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> new InputSensitivity(SensitivityOutput.regression())
                .attribute(image, in, ProgressListener.NONE, CancellationToken.NONE));
        assertThrows(IllegalArgumentException.class, () -> new InputSensitivity(SensitivityOutput.regression())
                .attribute(trained, Map.of("features", new double[1][4]), ProgressListener.NONE,
                        CancellationToken.NONE));
    }
}
