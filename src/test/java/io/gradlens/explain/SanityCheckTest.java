package io.gradlens.explain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.ImageDataset;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Adam;
import io.gradlens.train.ImageExamples;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Spearman's ρ and the cascading randomisation test on a small trained digits model. */
class SanityCheckTest {

    @Test
    void spearmanOfKnownVectors() {
        assertEquals(1.0, Spearman.correlation(new double[] {1, 2, 3, 4}, new double[] {10, 20, 30, 400}), 1e-15);
        assertEquals(-1.0, Spearman.correlation(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        // ties get average ranks: ranks (1.5, 1.5, 3) vs (1, 2, 3) → ρ = 0.866…
        assertEquals(Math.sqrt(3) / 2, Spearman.correlation(new double[] {5, 5, 7}, new double[] {1, 2, 3}), 1e-12);
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, Spearman.ranks(new double[] {3, 1, 3, 9}), 0.0);
        assertTrue(Double.isNaN(Spearman.correlation(new double[] {1, 1}, new double[] {1, 2})));
    }

    @Test
    void randomisingATrainedModelDecorrelatesItsGradientSaliency() throws Exception {
        ImageDataset digits = (ImageDataset) BuiltInDatasets.load("digits", 0, Path.of("datasets"));
        Sequential net = Sequential.builder(new long[] {8, 8, 1}, DataType.FLOAT, 5)
                .add("flatten", "flatten", Map.of())
                .add("dense", "hidden", Map.of("units", 16, "activation", "relu"))
                .add("dense", "out", Map.of("units", 10))
                .build();
        ImageExamples train = new ImageExamples(digits.train().pixels(), 8, 8, 1, digits.train().labels(), null);
        new Trainer(new TrainingConfig(3, 32, 1, true, null), new Adam(0.01)).fit(net, train, null,
                TrainingListener.NONE, CancellationToken.NONE);
        Classifier model = new Classifier(net, new InputSpec.Image(8, 8, 1), digits.classNames(), Map.of());
        List<float[]> sample = new ArrayList<>(Arrays.asList(digits.test().pixels()).subList(0, 40));
        int correct = 0;
        List<Attribution> check = Gradient.defaults().attribute(model, AttributionInputs.images(model, sample),
                AttributionTarget.predicted());
        for (int i = 0; i < 40; i++) {
            correct += check.get(i).predicted() == digits.test().labels()[i] ? 1 : 0;
        }
        assertTrue(correct >= 30, "the model must have learned something: " + correct + "/40");

        Map<String, double[]> before = snapshot(net);
        List<long[]> progress = new ArrayList<>();
        SanityReport report = new CascadingRandomization(Gradient.defaults(), 7).attribute(model,
                AttributionInputs.images(model, sample), AttributionTarget.predicted(),
                (done, total, msg) -> progress.add(new long[] {done, total}), CancellationToken.NONE);
        // the user's model is untouched
        Map<String, double[]> after = snapshot(net);
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), 0.0, k));

        assertEquals(2, report.steps().size());
        assertEquals(List.of("out"), report.steps().get(0).randomizedLayers());
        assertEquals(List.of("out", "hidden"), report.fullyRandomized().randomizedLayers());
        assertEquals(40, report.fullyRandomized().spearmanSigned().length);
        assertEquals(2, progress.size());
        double signed = report.fullyRandomized().meanSpearmanSigned();
        double abs = report.fullyRandomized().meanSpearmanAbsolute();
        System.out.printf("sanity (digits dense, %d/40 correct): top layer ρ_signed=%.3f ρ_abs=%.3f; "
                        + "all layers ρ_signed=%.3f ρ_abs=%.3f%n", correct, report.steps().get(0).meanSpearmanSigned(),
                report.steps().get(0).meanSpearmanAbsolute(), signed, abs);
        assertTrue(Math.abs(signed) < 0.3, "signed ρ after full randomisation: " + signed);
        assertTrue(Math.abs(abs) < 0.3, "absolute ρ after full randomisation: " + abs);
        // with the trained weights in place the comparison is with itself: ρ = 1 (the method is deterministic)
        SanityReport self = new CascadingRandomization(Gradient.defaults(), 7).attribute(model,
                AttributionInputs.images(model, sample.subList(0, 3)), AttributionTarget.of(2), ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals("2", self.parameters().get("target"));
    }

    private static Map<String, double[]> snapshot(Sequential net) {
        Map<String, double[]> m = new java.util.HashMap<>();
        net.parameters().forEach((k, v) -> m.put(k, v.value().dup().castTo(DataType.DOUBLE).reshape(v.length())
                .toDoubleVector()));
        return m;
    }
}
