package io.gradlens.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.GradientCheck;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The right-for-the-right-reasons objective (Ross et al. 2017, arXiv:1703.03717) as {@link
 * TrainingStep} computes it: its weight gradient (through the double backpropagation of the input
 * gradient) against central finite differences in float64, λ = 0 against plain training bit for
 * bit, and the penalty's effect on a small synthetic decoy task.
 */
class ExplanationPenaltyTest {

    /** d(CE + λ·penalty)/dθ from the tape vs central differences of the same objective, every weight. */
    private static void assertObjectiveGradient(String what, Sequential model, Batch batch, ExplanationPenalty penalty) {
        StepResult r = TrainingStep.run(model, batch, penalty, ForwardContext.inference(), true);
        assertTrue(r.saliencyLoss() > 1e-6, what + ": the penalty must be active for the check to mean anything");
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            INDArray flat = e.getValue().value().reshape(e.getValue().length());
            INDArray analytic = r.gradients().get(e.getKey()).value().reshape(flat.length());
            // a seeded sample of at most 6 coordinates per weight keeps the check fast on shared cores
            long[] coords = new Random(e.getKey().hashCode()).longs(Math.min(6, flat.length()), 0, flat.length())
                    .toArray();
            INDArray numeric = Nd4j.zeros(DataType.DOUBLE, coords.length);
            INDArray picked = Nd4j.zeros(DataType.DOUBLE, coords.length);
            double eps = 1e-5;
            for (int q = 0; q < coords.length; q++) {
                long k = coords[q];
                picked.putScalar(q, analytic.getDouble(k));
                double orig = flat.getDouble(k);
                flat.putScalar(k, orig + eps);
                double plus = TrainingStep.run(model, batch, penalty, ForwardContext.inference(), false).loss();
                flat.putScalar(k, orig - eps);
                double minus = TrainingStep.run(model, batch, penalty, ForwardContext.inference(), false).loss();
                flat.putScalar(k, orig);
                numeric.putScalar(q, (plus - minus) / (2 * eps));
            }
            GradientCheck.assertClose(what + " " + e.getKey(), picked, numeric);
        }
    }

    @Test
    void lstmTextPenaltyGradientMatchesFiniteDifferences() {
        Sequential model = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 11)
                .add("embedding", Map.of("input_dim", 7, "output_dim", 3))
                .add("lstm", Map.of("units", 4))
                .add("dense", Map.of("units", 3))
                .build();
        Tensor ids = Embedding.ids(new int[][] {{3, 5, 6}, {4, 2, 0}});
        Tensor relevance = Tensor.constant(Nd4j.createFromArray(new double[][] {{1, 0, 1}, {0, 1, 1}}));
        Batch batch = new Batch(ids, new int[] {1, 2}, relevance);
        for (ExplanationPenalty.Target target : ExplanationPenalty.Target.values()) {
            assertObjectiveGradient("lstm " + target, model, batch, new ExplanationPenalty(3.0, target));
        }
    }

    @Test
    void cnnImagePenaltyGradientMatchesFiniteDifferences() {
        Sequential model = Sequential.builder(new long[] {5, 5, 1}, DataType.DOUBLE, 9)
                .add("conv2d", Map.of("filters", 2, "kernel_size", 3, "padding", "same", "activation", "tanh"))
                .add("max_pool2d", Map.of("pool_size", 2))
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
        Tensor images = GradientCheck.uniform(4, 0, 1, 2, 5, 5, 1);
        double[] mask = new double[2 * 25];
        Random random = new Random(3);
        for (int i = 0; i < mask.length; i++) {
            mask[i] = random.nextBoolean() ? 1 : 0;
        }
        Batch batch = new Batch(images, new int[] {0, 2}, Tensor.of(mask, 2, 5, 5, 1));
        for (ExplanationPenalty.Target target : ExplanationPenalty.Target.values()) {
            assertObjectiveGradient("cnn " + target, model, batch, new ExplanationPenalty(2.0, target));
        }
    }

    private static Sequential mlp(int inputs, long seed) {
        return Sequential.builder(new long[] {inputs, 1, 1}, DataType.FLOAT, seed)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 16, "activation", "relu"))
                .add("dense", Map.of("units", 4))
                .build();
    }

    @Test
    void lambdaZeroReproducesPlainTrainingBitForBit() {
        Random random = new Random(5);
        int n = 96;
        float[][] x = new float[n][12];
        float[][] masks = new float[n][12];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = random.nextInt(4);
            for (int j = 0; j < 12; j++) {
                x[i][j] = random.nextFloat();
                masks[i][j] = random.nextBoolean() ? 1 : 0;
            }
        }
        ImageExamples masked = new ImageExamples(x, 12, 1, 1, y, masks);
        ImageExamples plain = new ImageExamples(x, 12, 1, 1, y, null);
        Sequential a = mlp(12, 2);
        Sequential b = mlp(12, 2);
        List<Map<String, Double>> ha = new Trainer(new TrainingConfig(3, 16, 8, true,
                new ExplanationPenalty(0.0, ExplanationPenalty.Target.SUM_LOG_PROB)), new Adam(1e-2))
                .fit(a, masked, null, TrainingListener.NONE, CancellationToken.NONE);
        new Trainer(new TrainingConfig(3, 16, 8, true, null), new Adam(1e-2))
                .fit(b, plain, null, TrainingListener.NONE, CancellationToken.NONE);
        assertEquals(0.0, ha.get(2).get("saliency_loss"), "the λ = 0 run takes the penalty path (and measures 0)");
        Map<String, Tensor> pb = b.parameters();
        for (Map.Entry<String, Tensor> e : a.parameters().entrySet()) {
            float[] wa = e.getValue().value().dup().data().asFloat();
            float[] wb = pb.get(e.getKey()).value().dup().data().asFloat();
            assertArrayEquals(wb, wa, 0f, e.getKey() + " differs between λ = 0 and plain training");
        }
        // and a positive λ does change them, so the comparison can fail
        Sequential c = mlp(12, 2);
        new Trainer(new TrainingConfig(3, 16, 8, true,
                new ExplanationPenalty(1.0, ExplanationPenalty.Target.SUM_LOG_PROB)), new Adam(1e-2))
                .fit(c, masked, null, TrainingListener.NONE, CancellationToken.NONE);
        assertTrue(!java.util.Arrays.equals(c.parameters().get("dense_1/kernel").value().dup().data().asFloat(),
                pb.get("dense_1/kernel").value().dup().data().asFloat()));
    }

    /**
     * A synthetic decoy task small enough for CI: 10 × 10 images of four classes, each class a
     * noisy bar pattern in the centre, plus a 2 × 2 swatch in a random corner whose gray level
     * encodes the label in training and is random in test (as in Decoy MNIST). The penalty must
     * recover ≥ 10 points of test accuracy and stay within 3 points of a model trained without
     * the decoy.
     */
    @Test
    void penaltyDefeatsSyntheticDecoy() {
        SyntheticDecoy clean = SyntheticDecoy.create(800, 400, false, 21);
        SyntheticDecoy decoy = SyntheticDecoy.create(800, 400, true, 21);
        double lambda = 1;
        double cleanAcc = trainAndTest(clean, null);
        double decoyAcc = trainAndTest(decoy, null);
        double penalisedAcc = trainAndTest(decoy, new ExplanationPenalty(lambda, ExplanationPenalty.Target.SUM_LOG_PROB));
        String report = String.format("clean %.3f, decoy %.3f, decoy+penalty %.3f", cleanAcc, decoyAcc, penalisedAcc);
        assertTrue(penalisedAcc >= decoyAcc + 0.10, "penalty must gain ≥ 10 points: " + report);
        assertTrue(penalisedAcc >= cleanAcc - 0.03, "penalised within 3 points of clean: " + report);
    }

    private static double trainAndTest(SyntheticDecoy data, ExplanationPenalty penalty) {
        Sequential model = Sequential.builder(new long[] {SyntheticDecoy.SIDE, SyntheticDecoy.SIDE, 1}, DataType.FLOAT, 4)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 24, "activation", "relu"))
                .add("dense", Map.of("units", SyntheticDecoy.CLASSES))
                .build();
        new Trainer(new TrainingConfig(12, 32, 4, true, penalty), new Adam(3e-3))
                .fit(model, data.train(), null, TrainingListener.NONE, CancellationToken.NONE);
        return Trainer.evaluate(model, data.test(), null, 256, CancellationToken.NONE).accuracy();
    }

    /** Generator of the synthetic decoy task. */
    record SyntheticDecoy(ImageExamples train, ImageExamples test) {
        static final int SIDE = 10;
        static final int CLASSES = 4;

        static SyntheticDecoy create(int trainSize, int testSize, boolean decoy, long seed) {
            Random random = new Random(seed);
            return new SyntheticDecoy(split(trainSize, decoy, false, random), split(testSize, decoy, true, random));
        }

        private static ImageExamples split(int n, boolean decoy, boolean randomSwatch, Random random) {
            float[][] x = new float[n][SIDE * SIDE];
            float[][] m = new float[n][SIDE * SIDE];
            int[] y = new int[n];
            for (int i = 0; i < n; i++) {
                y[i] = random.nextInt(CLASSES);
                java.util.Arrays.fill(m[i], 1f);
                for (int r = 2; r < 8; r++) {
                    for (int c = 2; c < 8; c++) {
                        boolean on = switch (y[i]) {
                            case 0 -> r == 4 || r == 5;
                            case 1 -> c == 4 || c == 5;
                            case 2 -> r == c || r == c + 1;
                            default -> r + c == 9 || r + c == 10;
                        };
                        // weak, noisy signal: the decoy is the easier cue
                        x[i][r * SIDE + c] = (float) Math.min(1, Math.max(0, (on ? 0.25 : 0.0) + 0.35 * random.nextGaussian()));
                    }
                }
                if (decoy) {
                    int top = random.nextBoolean() ? 0 : SIDE - 2;
                    int left = random.nextBoolean() ? 0 : SIDE - 2;
                    float value = 1f - 0.25f * (randomSwatch ? random.nextInt(CLASSES) : y[i]);
                    for (int r = top; r < top + 2; r++) {
                        for (int c = left; c < left + 2; c++) {
                            x[i][r * SIDE + c] = value;
                            m[i][r * SIDE + c] = 0f;
                        }
                    }
                }
            }
            return new ImageExamples(x, SIDE, SIDE, 1, y, m);
        }
    }
}
