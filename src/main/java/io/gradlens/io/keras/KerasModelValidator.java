package io.gradlens.io.keras;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The rules that decide whether a model can be imported: which layer classes, activations and layer
 * options are supported, and which weights (names and shapes) each layer must have given its
 * config. Used by every reader; the checks on the architecture run before any weight is read.
 */
public final class KerasModelValidator {

    /** Layer classes GradLens can import (canonical Keras class names). */
    public static final Set<String> SUPPORTED_LAYERS = Set.copyOf(new TreeSet<>(List.of(
            "InputLayer", "Embedding", "Dense", "SimpleRNN", "LSTM", "GRU", "Bidirectional",
            "Conv1D", "Conv2D", "MaxPooling1D", "MaxPooling2D", "GlobalMaxPooling1D",
            "GlobalMaxPooling2D", "GlobalAveragePooling1D", "GlobalAveragePooling2D", "Flatten",
            "Dropout", "Activation", "Masking")));

    /** Activation functions GradLens can import. */
    public static final Set<String> SUPPORTED_ACTIVATIONS =
            Set.of("relu", "tanh", "sigmoid", "hard_sigmoid", "softmax", "linear");

    private static final Set<String> RNN = Set.of("SimpleRNN", "LSTM", "GRU");
    private static final Set<String> SPATIAL = Set.of("Conv1D", "Conv2D", "MaxPooling1D", "MaxPooling2D",
            "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
            "Flatten");

    private KerasModelValidator() {}

    /** @return the supported layer classes, sorted, for messages */
    static String supportedLayersText() {
        return String.join(", ", new TreeSet<>(SUPPORTED_LAYERS));
    }

    /** @return the supported activations, sorted, for messages */
    static String supportedActivationsText() {
        return String.join(", ", new TreeSet<>(SUPPORTED_ACTIVATIONS));
    }

    /**
     * Checks classes, activations and options of every layer; returns the configs with activations
     * normalised to plain names.
     */
    static List<KerasConfigParser.RawLayer> checkArchitecture(Path file, KerasConfigParser.Topology topology) {
        List<KerasConfigParser.RawLayer> out = new ArrayList<>();
        for (KerasConfigParser.RawLayer l : topology.layers()) {
            checkClass(file, l.name(), l.className());
            Map<String, Object> cfg = new LinkedHashMap<>(l.config());
            checkOptions(file, l.name(), l.className(), cfg);
            if (l.className().equals("Bidirectional")) {
                for (String key : List.of("layer", "backward_layer")) {
                    if (key.equals("backward_layer") && cfg.get(key) == null) {
                        continue;
                    }
                    if (!(cfg.get(key) instanceof Map<?, ?> inner)
                            || !(inner.get("class_name") instanceof String innerCls)
                            || !(inner.get("config") instanceof Map<?, ?> innerCfgRaw)) {
                        throw new ModelFormatException(file, l.name(), "Bidirectional has no wrapped '" + key + "'");
                    }
                    if (!RNN.contains(innerCls)) {
                        throw new UnsupportedModelException(file, l.name(), "Bidirectional wraps class '"
                                + innerCls + "'; supported wrapped classes: GRU, LSTM, SimpleRNN");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> innerCfg = new LinkedHashMap<>((Map<String, Object>) innerCfgRaw);
                    checkOptions(file, l.name(), innerCls, innerCfg);
                    Map<String, Object> innerEntry = new LinkedHashMap<>();
                    innerEntry.put("class_name", innerCls);
                    innerEntry.put("config", innerCfg);
                    cfg.put(key, innerEntry);
                }
                Object mode = cfg.get("merge_mode");
                if (!(mode instanceof String m) || !Set.of("concat", "sum", "ave", "mul").contains(m)) {
                    throw new UnsupportedModelException(file, l.name(), "Bidirectional merge_mode " + mode
                            + " is not supported (supported: concat, sum, ave, mul)");
                }
            }
            out.add(new KerasConfigParser.RawLayer(l.name(), l.className(), cfg, l.inbound()));
        }
        return out;
    }

    private static void checkClass(Path file, String layer, String cls) {
        if (SUPPORTED_LAYERS.contains(cls)) {
            return;
        }
        String why = switch (cls) {
            case "Lambda" -> " (a Lambda layer holds Python code; GradLens never runs code from a model file)";
            case "TFOpLambda", "SlicingOpLambda" -> " (a TensorFlow op recorded from Python code)";
            default -> " (custom or unsupported layer class)";
        };
        throw new UnsupportedModelException(file, layer, "layer class '" + cls + "' is not supported" + why
                + "; supported layer classes: " + supportedLayersText());
    }

    private static void checkOptions(Path file, String layer, String cls, Map<String, Object> cfg) {
        for (String key : List.of("activation", "recurrent_activation")) {
            if (cfg.containsKey(key)) {
                cfg.put(key, activation(file, layer, key, cfg.get(key)));
            }
        }
        if (cls.equals("Activation") && !cfg.containsKey("activation")) {
            throw new ModelFormatException(file, layer, "Activation layer has no activation");
        }
        if (SPATIAL.contains(cls) && "channels_first".equals(cfg.get("data_format"))) {
            throw new UnsupportedModelException(file, layer, "data_format channels_first is not supported"
                    + " (supported: channels_last)");
        }
        if (cls.startsWith("Conv")) {
            if (!allOnes(cfg.get("dilation_rate"))) {
                throw new UnsupportedModelException(file, layer, "dilation_rate " + cfg.get("dilation_rate")
                        + " is not supported (supported: 1)");
            }
            if (cfg.get("groups") instanceof Number g && g.intValue() != 1) {
                throw new UnsupportedModelException(file, layer, "groups=" + g + " is not supported (supported: 1)");
            }
        }
        if (cls.startsWith("Conv") || cls.startsWith("MaxPooling")) {
            Object padding = cfg.getOrDefault("padding", "valid");
            if (!"valid".equals(padding) && !"same".equals(padding)) {
                throw new UnsupportedModelException(file, layer, "padding '" + padding
                        + "' is not supported (supported: valid, same)");
            }
        }
        if (RNN.contains(cls)) {
            for (String flag : List.of("stateful", "return_state", "time_major")) {
                if (Boolean.TRUE.equals(cfg.get(flag))) {
                    throw new UnsupportedModelException(file, layer, flag + "=true is not supported");
                }
            }
        }
    }

    private static boolean allOnes(Object v) {
        if (v == null) {
            return true;
        }
        if (v instanceof Number n) {
            return n.intValue() == 1;
        }
        if (v instanceof List<?> l) {
            for (Object o : l) {
                if (!(o instanceof Number n) || n.intValue() != 1) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static String activation(Path file, String layer, String key, Object v) {
        String name = null;
        if (v == null) {
            name = "linear";
        } else if (v instanceof String s) {
            name = s;
        } else if (v instanceof Map<?, ?> m && "function".equals(m.get("class_name"))
                && m.get("config") instanceof String s
                && (m.get("module") == null || "keras.activations".equals(m.get("module")))) {
            name = s; // Keras 3 serialised built-in function
        }
        if (name == null) {
            throw new UnsupportedModelException(file, layer, key + " " + v + " is not a built-in activation"
                    + "; supported activations: " + supportedActivationsText());
        }
        if (!SUPPORTED_ACTIVATIONS.contains(name)) {
            throw new UnsupportedModelException(file, layer, key + " '" + name + "' is not supported"
                    + "; supported activations: " + supportedActivationsText());
        }
        return name;
    }

    /**
     * Checks that {@code weights} are exactly the parameters {@code layer} needs with the shapes its
     * config implies, and returns the config with implied defaults made explicit
     * ({@code reset_after} for GRU).
     */
    static Map<String, Object> checkWeights(Path file, KerasConfigParser.RawLayer layer,
            Map<String, WeightArray> weights) {
        Map<String, Object> cfg = new LinkedHashMap<>(layer.config());
        String cls = layer.className();
        Map<String, long[]> expected = new LinkedHashMap<>();
        switch (cls) {
            case "Dense" -> {
                int units = positive(file, layer.name(), cfg, "units");
                expected.put("kernel", new long[] {-1, units});
                if (useBias(cfg)) {
                    expected.put("bias", new long[] {units});
                }
            }
            case "Embedding" -> expected.put("embeddings", new long[] {
                positive(file, layer.name(), cfg, "input_dim"), positive(file, layer.name(), cfg, "output_dim")});
            case "Conv1D", "Conv2D" -> {
                int rank = cls.equals("Conv1D") ? 1 : 2;
                int filters = positive(file, layer.name(), cfg, "filters");
                int[] k = tuple(cfg.get("kernel_size"), rank);
                if (k == null) {
                    throw new ModelFormatException(file, layer.name(), "kernel_size missing or malformed: "
                            + cfg.get("kernel_size"));
                }
                long[] shape = new long[rank + 2];
                for (int i = 0; i < rank; i++) {
                    shape[i] = k[i];
                }
                shape[rank] = -1;
                shape[rank + 1] = filters;
                expected.put("kernel", shape);
                if (useBias(cfg)) {
                    expected.put("bias", new long[] {filters});
                }
            }
            case "SimpleRNN", "LSTM", "GRU" -> rnnWeights(file, layer.name(), cls, cfg, "", weights, expected);
            case "Bidirectional" -> {
                for (String dir : List.of("forward", "backward")) {
                    Object entry = dir.equals("backward") && cfg.get("backward_layer") != null
                            ? cfg.get("backward_layer") : cfg.get("layer");
                    Map<?, ?> e = (Map<?, ?>) entry;
                    @SuppressWarnings("unchecked")
                    Map<String, Object> innerCfg = new LinkedHashMap<>((Map<String, Object>) e.get("config"));
                    rnnWeights(file, layer.name(), (String) e.get("class_name"), innerCfg, dir + "/", weights, expected);
                    Map<String, Object> newEntry = new LinkedHashMap<>();
                    newEntry.put("class_name", e.get("class_name"));
                    newEntry.put("config", innerCfg);
                    cfg.put(dir.equals("forward") ? "layer" : "backward_layer", newEntry);
                }
            }
            default -> {
                // weight-less layers
            }
        }
        for (Map.Entry<String, long[]> e : expected.entrySet()) {
            WeightArray w = weights.get(e.getKey());
            if (w == null) {
                throw new ModelFormatException(file, layer.name(), cls + " is missing weight '" + e.getKey()
                        + "' (expected shape " + shapeText(e.getValue()) + ")");
            }
            if (!matches(w.shape(), e.getValue())) {
                throw new ModelFormatException(file, layer.name(), cls + " weight '" + e.getKey() + "' has shape "
                        + w.shapeString() + " but the layer config implies " + shapeText(e.getValue())
                        + configSummary(cfg));
            }
        }
        for (String name : weights.keySet()) {
            if (!expected.containsKey(name)) {
                throw new ModelFormatException(file, layer.name(), cls + " has unexpected weight '" + name
                        + "' (expected: " + (expected.isEmpty() ? "none" : String.join(", ", expected.keySet())) + ")");
            }
        }
        // the input dimension (-1 above) must agree between kernels of the two directions
        if (cls.equals("Bidirectional")) {
            long f = weights.get("forward/kernel").dim(0);
            long b = weights.get("backward/kernel").dim(0);
            if (f != b) {
                throw new ModelFormatException(file, layer.name(), "forward kernel has input size " + f
                        + " but backward kernel " + b);
            }
        }
        return cfg;
    }

    private static void rnnWeights(Path file, String layer, String cls, Map<String, Object> cfg, String prefix,
            Map<String, WeightArray> weights, Map<String, long[]> expected) {
        int units = positive(file, layer, cfg, "units");
        int gates = switch (cls) {
            case "LSTM" -> 4;
            case "GRU" -> 3;
            default -> 1;
        };
        expected.put(prefix + "kernel", new long[] {-1, (long) gates * units});
        expected.put(prefix + "recurrent_kernel", new long[] {units, (long) gates * units});
        if (useBias(cfg)) {
            if (cls.equals("GRU")) {
                Object ra = cfg.get("reset_after");
                WeightArray bias = weights.get(prefix + "bias");
                if (!(ra instanceof Boolean)) {
                    // Older files omit reset_after; the bias rank tells which GRU variant it is.
                    ra = bias != null && bias.rank() == 2;
                    cfg.put("reset_after", ra);
                }
                expected.put(prefix + "bias", Boolean.TRUE.equals(ra)
                        ? new long[] {2, 3L * units} : new long[] {3L * units});
            } else {
                expected.put(prefix + "bias", new long[] {(long) gates * units});
            }
        } else if (cls.equals("GRU") && !(cfg.get("reset_after") instanceof Boolean)) {
            cfg.put("reset_after", Boolean.FALSE);
        }
    }

    private static String configSummary(Map<String, Object> cfg) {
        StringBuilder sb = new StringBuilder();
        for (String k : List.of("units", "filters", "kernel_size", "input_dim", "output_dim", "reset_after")) {
            if (cfg.containsKey(k)) {
                sb.append(sb.length() == 0 ? " (" : ", ").append(k).append('=').append(cfg.get(k));
            }
        }
        return sb.length() == 0 ? "" : sb.append(')').toString();
    }

    private static boolean useBias(Map<String, Object> cfg) {
        return !Boolean.FALSE.equals(cfg.get("use_bias"));
    }

    private static int positive(Path file, String layer, Map<String, Object> cfg, String key) {
        if (cfg.get(key) instanceof Number n && n.intValue() > 0 && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        throw new ModelFormatException(file, layer, "config '" + key + "' must be a positive integer, got "
                + cfg.get(key));
    }

    private static int[] tuple(Object v, int rank) {
        int[] out = new int[rank];
        if (v instanceof Number n) {
            Arrays.fill(out, n.intValue());
            return out;
        }
        if (v instanceof List<?> l && l.size() == rank) {
            for (int i = 0; i < rank; i++) {
                if (!(l.get(i) instanceof Number n)) {
                    return null;
                }
                out[i] = n.intValue();
            }
            return out;
        }
        return null;
    }

    private static boolean matches(long[] actual, long[] expected) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (expected[i] >= 0 && actual[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static String shapeText(long[] shape) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < shape.length; i++) {
            sb.append(i == 0 ? "" : ", ").append(shape[i] < 0 ? "*" : String.valueOf(shape[i]));
        }
        return sb.append(']').toString();
    }
}
