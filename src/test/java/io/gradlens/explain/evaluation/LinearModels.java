package io.gradlens.explain.evaluation;

import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** Hand-built float64 models with set weights for the metric tests. */
final class LinearModels {

    private LinearModels() {
    }

    /**
     * flatten → dense(2) on 1×d×1 images with logit₀ = w·x and logit₁ = 0, so
     * p(class 0) = σ(w·x).
     */
    static Classifier linear(double[] w) {
        int d = w.length;
        Sequential net = Sequential.builder(new long[] {1, d, 1}, DataType.DOUBLE, 0)
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        double[][] kernel = new double[d][2];
        for (int i = 0; i < d; i++) {
            kernel[i][0] = w[i];
        }
        net.loadWeights(Map.of("out/kernel", Nd4j.createFromArray(kernel), "out/bias", Nd4j.zeros(DataType.DOUBLE, 2)));
        return new Classifier(net, new InputSpec.Image(1, d, 1), List.of("yes", "no"), Map.of());
    }

    /** embedding(6, 3) → global average pool → dense(2) over the words a..d (ids 2..5). */
    static Classifier text() {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 7)
                .add("embedding", "embedding", Map.of("input_dim", 6, "output_dim", 3))
                .add("global_average_pool1d", "pool", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        return new Classifier(net, new InputSpec.Tokens(Vocabulary.of(List.of("a", "b", "c", "d"))),
                List.of("neg", "pos"), Map.of());
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
