package io.gradlens.explain;

import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The hidden-state map as a benchmark workload: an untrained {@code Embedding(V, E) → LSTM(H)}
 * model in float32 and one random sequence of T token ids, both seeded, mapped by {@link
 * HiddenStateGradients} with the mean reduction and automatic chunking. {@code hidden_map_200} is
 * T = 200, H = 128, E = 100, V = 20,000; {@code hidden_map_1403} is T = 1,403, H = 200, E = 100,
 * V = 20,000 (see {@code bench/README.md}).
 */
public final class HiddenMapWorkload {

    private final Sequential network;
    private final int[] ids;
    private final HiddenStateGradients method;

    private HiddenMapWorkload(Sequential network, int[] ids, HiddenStateGradients method) {
        this.network = network;
        this.ids = ids;
        this.method = method;
    }

    /**
     * A workload of any size.
     *
     * @param steps      T
     * @param units      H
     * @param embedding  E
     * @param vocabulary V
     * @param seed       seeds weights and ids
     */
    public static HiddenMapWorkload create(int steps, int units, int embedding, int vocabulary, long seed) {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.FLOAT, seed)
                .add("embedding", "embedding", Map.of("input_dim", vocabulary, "output_dim", embedding))
                .add("lstm", "lstm", Map.of("units", units, "return_sequences", true))
                .build();
        Random random = new Random(seed);
        int[] ids = new int[steps];
        for (int t = 0; t < steps; t++) {
            ids[t] = 1 + random.nextInt(vocabulary - 1);
        }
        return new HiddenMapWorkload(net, ids, HiddenStateGradients.defaults());
    }

    /** {@code hidden_map_200} or {@code hidden_map_1403}, seed 0. */
    public static HiddenMapWorkload named(String name) {
        return switch (name) {
            case "hidden_map_200" -> create(200, 128, 100, 20_000, 0);
            case "hidden_map_1403" -> create(1403, 200, 100, 20_000, 0);
            default -> throw new IllegalArgumentException("unknown workload '" + name
                    + "'; use hidden_map_200 or hidden_map_1403");
        };
    }

    /** T. */
    public int steps() {
        return ids.length;
    }

    /** Computes the full T×T map once. */
    public HiddenStateGradientMap run(ProgressListener progress, CancellationToken cancel) {
        return method.attribute(network, ids, null, progress, cancel);
    }
}
