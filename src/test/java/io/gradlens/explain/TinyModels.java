package io.gradlens.explain;

import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;

/** Tiny float64 models with known structure for the explanation tests. */
final class TinyModels {

    /** Words of the tiny vocabulary: ids 2..9 (0 = PAD, 1 = OOV). */
    static final List<String> WORDS = List.of("good", "bad", "movie", "plot", "great", "awful", "the", "a");

    private TinyModels() {
    }

    static Vocabulary vocabulary() {
        return Vocabulary.of(WORDS);
    }

    /** embedding(10, 4) → global average pool → dense(3, linear): logits linear in the embedding output. */
    static Classifier linearText(long seed) {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, seed)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 4))
                .add("global_average_pool1d", "pool", Map.of())
                .add("dense", "out", Map.of("units", 3))
                .build();
        return new Classifier(net, new InputSpec.Tokens(vocabulary()), List.of("a", "b", "c"), Map.of());
    }

    /** embedding(10, 4) → cell(5) → dense(2). */
    static Classifier recurrentText(String cell, long seed) {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, seed)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 4))
                .add(cell, "rnn", Map.of("units", 5))
                .add("dense", "out", Map.of("units", 2))
                .build();
        return new Classifier(net, new InputSpec.Tokens(vocabulary()), List.of("neg", "pos"), Map.of());
    }

    /** flatten → dense(3, linear) on 4x3x1 images. */
    static Classifier linearImage(long seed) {
        Sequential net = Sequential.builder(new long[] {4, 3, 1}, DataType.DOUBLE, seed)
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 3))
                .build();
        return new Classifier(net, new InputSpec.Image(4, 3, 1), List.of("x", "y", "z"), Map.of());
    }

    /** A small CNN on 6x6x2 images. */
    static Classifier convImage(long seed) {
        Sequential net = Sequential.builder(new long[] {6, 6, 2}, DataType.DOUBLE, seed)
                .add("conv2d", "conv", Map.of("filters", 3, "kernel_size", 3, "activation", "tanh"))
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        return new Classifier(net, new InputSpec.Image(6, 6, 2), List.of("p", "q"), Map.of());
    }

    static float[] image(long seed, int n) {
        java.util.Random r = new java.util.Random(seed);
        float[] p = new float[n];
        for (int i = 0; i < n; i++) {
            p[i] = r.nextFloat();
        }
        return p;
    }
}
