package io.gradlens.nn;

import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Builds a layer from its type and configuration (as written by {@link Layer#config()}), for an
 * input shape without the batch axis. The one construction path for new models and for models
 * read from files.
 */
public final class LayerFactory {

    /** The layer types this factory knows, as written in model files. */
    public static final List<String> TYPES = List.of("embedding", "dense", "simple_rnn", "lstm", "gru", "conv1d",
            "conv2d", "max_pool1d", "max_pool2d", "global_max_pool1d", "global_average_pool1d",
            "global_max_pool2d", "global_average_pool2d", "flatten", "dropout", "activation", "bidirectional",
            "masking", "binary_logits");

    private LayerFactory() {
    }

    /**
     * Creates the layer with freshly initialised weights.
     *
     * @throws IllegalArgumentException naming the layer and the problem, for an unknown type, a
     *     missing or malformed setting, or an input shape the layer cannot take
     */
    public static Layer create(String type, String name, Map<String, ?> config, long[] inputShape, Random random,
                               DataType dtype) {
        ConfigReader c = new ConfigReader(name, type, config);
        long last = inputShape.length == 0 ? 0 : inputShape[inputShape.length - 1];
        switch (type) {
            case "embedding":
                requireRank(name, type, inputShape, 1);
                return new Embedding(name, c.integer("input_dim"), c.integer("output_dim"), c.bool("mask_zero", true),
                        random, dtype);
            case "dense":
                return new Dense(name, last, c.integer("units"), c.activation("activation", "linear"), random, dtype);
            case "simple_rnn":
                requireRank(name, type, inputShape, 2);
                return new SimpleRnn(name, last, c.integer("units"), c.bool("return_sequences", false),
                        c.activation("activation", "tanh"), random, dtype);
            case "lstm":
                requireRank(name, type, inputShape, 2);
                return new Lstm(name, last, c.integer("units"), c.bool("return_sequences", false),
                        c.activation("activation", "tanh"), c.activation("recurrent_activation", "sigmoid"), random,
                        dtype);
            case "gru":
                requireRank(name, type, inputShape, 2);
                return new Gru(name, last, c.integer("units"), c.bool("return_sequences", false),
                        c.bool("reset_after", true), c.activation("activation", "tanh"),
                        c.activation("recurrent_activation", "sigmoid"), random, dtype);
            case "conv1d":
                requireRank(name, type, inputShape, 2);
                return new Conv1d(name, last, c.integer("filters"), c.integer("kernel_size"), c.integer("strides", 1),
                        c.integer("dilation_rate", 1), c.padding(), c.activation("activation", "linear"), random,
                        dtype);
            case "conv2d": {
                requireRank(name, type, inputShape, 3);
                int[] k = c.pair("kernel_size", null);
                int[] s = c.pair("strides", new int[] {1, 1});
                int[] d = c.pair("dilation_rate", new int[] {1, 1});
                return new Conv2d(name, last, c.integer("filters"), k[0], k[1], s[0], s[1], d[0], d[1], c.padding(),
                        c.activation("activation", "linear"), random, dtype);
            }
            case "max_pool1d": {
                requireRank(name, type, inputShape, 2);
                int pool = c.integer("pool_size", 2);
                return new MaxPool(name, 1, new int[] {pool}, new int[] {c.integer("strides", pool)}, c.padding());
            }
            case "max_pool2d": {
                requireRank(name, type, inputShape, 3);
                int[] pool = c.pair("pool_size", new int[] {2, 2});
                return new MaxPool(name, 2, pool, c.pair("strides", pool), c.padding());
            }
            case "global_max_pool1d":
                requireRank(name, type, inputShape, 2);
                return new GlobalPool(name, GlobalPool.Kind.MAX, 1);
            case "global_average_pool1d":
                requireRank(name, type, inputShape, 2);
                return new GlobalPool(name, GlobalPool.Kind.AVERAGE, 1);
            case "global_max_pool2d":
                requireRank(name, type, inputShape, 3);
                return new GlobalPool(name, GlobalPool.Kind.MAX, 2);
            case "global_average_pool2d":
                requireRank(name, type, inputShape, 3);
                return new GlobalPool(name, GlobalPool.Kind.AVERAGE, 2);
            case "flatten":
                return new Flatten(name);
            case "dropout":
                return new Dropout(name, c.number("rate"));
            case "activation":
                return new ActivationLayer(name, c.activation("activation", null));
            case "bidirectional":
                requireRank(name, type, inputShape, 2);
                return bidirectional(name, config, inputShape, random, dtype);
            case "masking":
                requireRank(name, type, inputShape, 2);
                return new Masking(name, config != null && config.get("mask_value") instanceof Number n
                        ? n.doubleValue() : 0.0);
            case "binary_logits":
                if (inputShape.length != 1 || inputShape[0] != 1) {
                    throw new IllegalArgumentException(type + " layer '" + name + "' needs one input feature, got "
                            + java.util.Arrays.toString(inputShape));
                }
                return new BinaryLogits(name);
            default:
                throw new IllegalArgumentException("layer '" + name + "' has unknown type '" + type
                        + "'; known types: " + TYPES);
        }
    }

    /**
     * A bidirectional wrapper: {@code layer} is {@code {"type": "lstm"|"gru"|"simple_rnn", "config": {...}}},
     * the same for both directions, which are named {@code <name>/forward} and {@code <name>/backward}.
     */
    private static Layer bidirectional(String name, Map<String, ?> config, long[] inputShape,
                                       Random random, DataType dtype) {
        Object inner = config == null ? null : config.get("layer");
        if (!(inner instanceof Map<?, ?> innerMap) || !(innerMap.get("type") instanceof String innerType)) {
            throw new IllegalArgumentException("bidirectional layer '" + name + "': setting 'layer' must be "
                    + "{\"type\": ..., \"config\": {...}} naming a recurrent layer");
        }
        if (!List.of("simple_rnn", "lstm", "gru").contains(innerType)) {
            throw new IllegalArgumentException("bidirectional layer '" + name + "' wraps '" + innerType
                    + "'; it can wrap simple_rnn, lstm, gru");
        }
        @SuppressWarnings("unchecked")
        Map<String, ?> innerConfig = innerMap.get("config") instanceof Map<?, ?> m ? (Map<String, ?>) m : Map.of();
        Object mode = config.get("merge_mode");
        Bidirectional.Merge merge;
        try {
            merge = Bidirectional.Merge.fromKerasName(mode == null ? "concat" : mode.toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bidirectional layer '" + name + "': " + e.getMessage(), e);
        }
        RecurrentLayer fwd = (RecurrentLayer) create(innerType, name + "/forward", innerConfig, inputShape, random,
                dtype);
        RecurrentLayer bwd = (RecurrentLayer) create(innerType, name + "/backward", innerConfig, inputShape, random,
                dtype);
        return new Bidirectional(name, fwd, bwd, merge);
    }

    private static void requireRank(String name, String type, long[] inputShape, int rank) {
        if (inputShape.length != rank) {
            throw new IllegalArgumentException(type + " layer '" + name + "' needs inputs of rank " + rank
                    + " (without the batch axis), got shape " + java.util.Arrays.toString(inputShape));
        }
    }
}
