package io.gradlens.explain.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Batch;
import io.gradlens.train.CheckpointRecorder;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.Sgd;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Projected all-layer TracIn against the exact sums on a tiny float64 MLP (5 → 16 relu → 3, 147
 * weights, 3 checkpoints, 40 training examples): the projection converges to the exact score as d
 * grows, and the exact score equals the per-example gradient dot products.
 */
class ProjectedTracInTest {

    /** Stated tolerance: relative L2 error of the influence vector at d = 4096. */
    static final double TOLERANCE_4096 = 0.1;

    private static final ExampleSet TRAIN = InfluenceTest.float64(InfluenceTest.blobs(40, 5, 3, 0.8, 1));
    private static final ExampleSet TEST = InfluenceTest.float64(InfluenceTest.blobs(4, 5, 3, 0.8, 2));

    private static Sequential trained(List<CheckpointRecorder.Checkpoint>[] out) {
        Sequential model = InfluenceTest.mlp(5, 3, DataType.DOUBLE, 3);
        Sgd sgd = new Sgd(0.05);
        CheckpointRecorder recorder = new CheckpointRecorder(model, sgd, 1, TrainingListener.NONE);
        new Trainer(new TrainingConfig(3, 8, 1, true, null), sgd).fit(model, TRAIN, null, recorder,
                CancellationToken.NONE);
        out[0] = recorder.checkpoints();
        return model;
    }

    private static double relativeError(double[] approx, double[] exact) {
        double num = 0;
        double den = 0;
        for (int i = 0; i < exact.length; i++) {
            num += (approx[i] - exact[i]) * (approx[i] - exact[i]);
            den += exact[i] * exact[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    @SuppressWarnings("unchecked")
    void projectedScoreConvergesToTheExactAllLayerScore() {
        List<CheckpointRecorder.Checkpoint>[] cps = new List[1];
        Sequential model = trained(cps);
        Batch test = TEST.batch(new int[] {0});
        double[] exact = ProjectedTracIn.exact(model, cps[0], TRAIN, InfluenceLayers.ALL, test).influence();
        double[] errors = new double[3];
        int[] dims = {16, 256, 4096};
        for (int k = 0; k < dims.length; k++) {
            GradientProjection p = new GradientProjection(dims[k], 7);
            ProjectedTracIn tr = ProjectedTracIn.build(model, cps[0], TRAIN, InfluenceLayers.ALL, p);
            double[] approx = tr.influence(ProjectedTracIn.project(model, cps[0], test, InfluenceLayers.ALL, p));
            errors[k] = relativeError(approx, exact);
        }
        assertTrue(errors[2] < TOLERANCE_4096, "relative error at d=4096: " + errors[2]);
        assertTrue(errors[0] > errors[1] && errors[1] > errors[2],
                "the error must fall with d: " + java.util.Arrays.toString(errors));
    }

    @Test
    @SuppressWarnings("unchecked")
    void exactAllLayerScoreEqualsTapeGradientDotProducts() {
        List<CheckpointRecorder.Checkpoint>[] cps = new List[1];
        Sequential model = trained(cps);
        Batch test = TEST.batch(new int[] {1});
        TracIn.AllLayers exact = ProjectedTracIn.exact(model, cps[0], TRAIN, InfluenceLayers.ALL, test);
        double[] hand = new double[TRAIN.size()];
        for (CheckpointRecorder.Checkpoint c : cps[0]) {
            model.loadWeights(c.weights());
            Map<String, double[]> gt = tapeGradients(model, test);
            for (int i = 0; i < TRAIN.size(); i++) {
                Map<String, double[]> gi = tapeGradients(model, TRAIN.batch(new int[] {i}));
                double s = 0;
                for (Map.Entry<String, double[]> e : gi.entrySet()) {
                    double[] b = gt.get(e.getKey());
                    for (int j = 0; j < b.length; j++) {
                        s += e.getValue()[j] * b[j];
                    }
                }
                hand[i] += c.learningRate() * s;
            }
        }
        assertArrayEquals(hand, exact.influence(), 1e-10);
        TracIn.AllLayers allWeights = TracIn.allLayers(model, cps[0], TRAIN, test);
        assertArrayEquals(allWeights.influence(), exact.influence(), 1e-12);
        assertArrayEquals(allWeights.self(), exact.self(), 1e-12);
    }

    /** ∂ℓ/∂w for every weight by its own tape: mean cross-entropy of the one-example batch. */
    private static Map<String, double[]> tapeGradients(Sequential model, Batch one) {
        Map<String, Tensor> params = model.parameters();
        try (GradientTape tape = GradientTape.open()) {
            List<Tensor> sources = List.copyOf(params.values());
            sources.forEach(tape::watch);
            Tensor logits = model.forward(one.input(), io.gradlens.nn.ForwardContext.inference());
            Tensor loss = io.gradlens.train.Losses.softmaxCrossEntropy(logits, one.labels());
            List<Tensor> g = tape.gradient(loss, sources);
            Map<String, double[]> out = new java.util.LinkedHashMap<>();
            int i = 0;
            for (String name : params.keySet()) {
                out.put(name, g.get(i++).value().castTo(DataType.DOUBLE).dup('c').data().asDouble());
            }
            return out;
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void denseLayersOfAnMlpAreAllItsWeightsAndProjectionsAreSeeded() {
        List<CheckpointRecorder.Checkpoint>[] cps = new List[1];
        Sequential model = trained(cps);
        assertEquals(model.parameters().keySet().stream().toList(),
                InfluenceLayers.parse("dense").parameterNames(model));
        assertThrows(IllegalArgumentException.class, () -> InfluenceLayers.parse("embedding").parameterNames(model));
        assertThrows(IllegalArgumentException.class, () -> InfluenceLayers.parse("conv"));
        assertEquals("embedding,recurrent,dense", InfluenceLayers.parse("dense, recurrent,embedding").id());
        double[] a = ProjectedTracIn.build(model, cps[0], TRAIN, InfluenceLayers.ALL,
                new GradientProjection(32, 5)).selfInfluence();
        double[] b = ProjectedTracIn.build(model, cps[0], TRAIN, InfluenceLayers.ALL,
                new GradientProjection(32, 5)).selfInfluence();
        double[] c = ProjectedTracIn.build(model, cps[0], TRAIN, InfluenceLayers.ALL,
                new GradientProjection(32, 6)).selfInfluence();
        assertArrayEquals(a, b, 0);
        assertTrue(relativeError(a, c) > 1e-6, "another seed must give another projection");
    }

    @Test
    @SuppressWarnings("unchecked")
    void stateSurvivesTheCacheArrays() {
        List<CheckpointRecorder.Checkpoint>[] cps = new List[1];
        Sequential model = trained(cps);
        ProjectedTracIn tr = ProjectedTracIn.build(model, cps[0], TRAIN, InfluenceLayers.ALL,
                new GradientProjection(8, 1));
        ProjectedTracIn back = ProjectedTracIn.fromArrays(tr.toArrays());
        assertArrayEquals(tr.selfInfluence(), back.selfInfluence(), 0);
        assertEquals(8, back.dimension());
    }
}
