package io.gradlens.explain.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.nn.Sequential;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.train.ImageExamples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The influence precomputation frees its temporaries as it goes (the refit's per-iteration arrays,
 * one checkpoint's features at a time); these tests check that this changed no number: the results
 * equal, to the last bit, the computation that kept everything.
 */
class StreamedInfluenceTest {

    private static final ImageExamples TRAIN = InfluenceTest.blobs(300, 6, 3, 0.8, 5);

    @Test
    void theRefitEqualsTheComputationThatKeptEveryTemporary() {
        Sequential model = InfluenceTest.mlp(6, 3, DataType.FLOAT, 11);
        LastLayerFeatures f = LastLayerFeatures.compute(model, TRAIN);
        INDArray start = LastLayerFeatures.lastLayerWeights(model);
        RepresenterPoints rp = RepresenterPoints.fit(f, 0.003, start);
        double[] expected = keptAlpha(f, 0.003, start);
        assertArrayEquals(expected, rp.toArrays().get("alpha").dup('c').data().asDouble(), 0.0);
    }

    @Test
    void streamedTracInEqualsThePerCheckpointFeatures() {
        Sequential model = InfluenceTest.mlp(6, 3, DataType.FLOAT, 12);
        Map<String, INDArray> own = copy(model, 1.0);
        List<Checkpoint> checkpoints = List.of(new Checkpoint(1, 0.1, copy(model, 0.5)),
                new Checkpoint(2, 0.05, copy(model, 1.5)));
        TracIn streamed = TracIn.lastLayer(model, checkpoints, TRAIN);
        List<LastLayerFeatures> kept = TracIn.features(model, checkpoints, TRAIN);
        Map<String, INDArray> arrays = streamed.toArrays();
        double[] self = new double[TRAIN.size()];
        for (int c = 0; c < kept.size(); c++) {
            LastLayerFeatures ll = kept.get(c);
            assertArrayEquals(ll.features().dup('c').data().asDouble(),
                    arrays.get("features_" + c).dup('c').data().asDouble(), 0.0);
            double[] p = ll.probabilities().dup('c').data().asDouble();
            for (int i = 0; i < TRAIN.size(); i++) {
                p[i * 3 + ll.labels()[i]] -= 1;
            }
            assertArrayEquals(p, arrays.get("errors_" + c).dup('c').data().asDouble(), 0.0);
            double[] fi = ll.features().dup('c').data().asDouble();
            for (int i = 0; i < TRAIN.size(); i++) {
                double ff = 0;
                for (int d = 0; d < ll.width(); d++) {
                    ff += fi[i * ll.width() + d] * fi[i * ll.width() + d];
                }
                double gg = 0;
                for (int j = 0; j < 3; j++) {
                    gg += p[i * 3 + j] * p[i * 3 + j];
                }
                self[i] += checkpoints.get(c).learningRate() * ff * gg;
            }
        }
        assertArrayEquals(self, streamed.selfInfluence(), 0.0);
        own.forEach((k, v) -> assertEquals(v, model.parameters().get(k).value(), "weights restored: " + k));
    }

    private static Map<String, INDArray> copy(Sequential model, double scale) {
        Map<String, INDArray> m = new LinkedHashMap<>();
        model.parameters().forEach((k, v) -> m.put(k, v.value().mul(scale)));
        return m;
    }

    /**
     * α of the refit as {@link RepresenterPoints#fit} computed it before it closed its temporaries:
     * the same accelerated gradient descent, every array left to the collector.
     */
    private static double[] keptAlpha(LastLayerFeatures train, double lambda, INDArray start) {
        INDArray f = train.features();
        INDArray p = softmax(train.logits());
        int n = train.size();
        INDArray theta = start.castTo(DataType.DOUBLE).dup();
        INDArray symmetric = f.transpose().mmul(f).divi(n);
        INDArray v = Nd4j.ones(DataType.DOUBLE, symmetric.size(0), 1);
        double value = 0;
        for (int i = 0; i < 200; i++) {
            INDArray w = symmetric.mmul(v);
            double norm = w.norm2Number().doubleValue();
            value = norm / v.norm2Number().doubleValue();
            v = w.divi(norm);
        }
        double lipschitz = value * 1.01 / 2 + 2 * lambda;
        double kappa = lipschitz / (2 * lambda);
        double momentum = (Math.sqrt(kappa) - 1) / (Math.sqrt(kappa) + 1);
        INDArray previous = theta.dup();
        int iteration = 0;
        while (iteration < 50_000) {
            INDArray y = theta.add(theta.sub(previous).muli(momentum));
            INDArray g = gradient(f, p, y, lambda, n);
            previous = theta;
            theta = y.subi(g.divi(lipschitz));
            iteration++;
            if (iteration % 25 == 0) {
                INDArray gt = gradient(f, p, theta, lambda, n);
                double gradNorm = gt.norm2Number().doubleValue();
                if (gradNorm <= 1e-7 * Math.max(1e-12, 2 * lambda * theta.norm2Number().doubleValue())) {
                    break;
                }
                if (gt.mul(theta.sub(previous)).sumNumber().doubleValue() > 0) {
                    previous = theta.dup();
                }
            }
        }
        INDArray s = softmax(f.mmul(theta));
        return s.sub(p).mul(-1.0 / (2 * lambda * n)).dup('c').data().asDouble();
    }

    private static INDArray gradient(INDArray f, INDArray p, INDArray theta, double lambda, int n) {
        INDArray s = softmax(f.mmul(theta)).subi(p);
        return f.transpose().mmul(s).divi(n).addi(theta.mul(2 * lambda));
    }

    private static INDArray softmax(INDArray z) {
        INDArray shifted = z.subColumnVector(z.max(1).reshape(z.size(0), 1));
        INDArray e = Transforms.exp(shifted, false);
        return e.diviColumnVector(e.sum(1).reshape(z.size(0), 1));
    }
}
