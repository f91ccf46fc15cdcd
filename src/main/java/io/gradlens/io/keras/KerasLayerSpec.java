package io.gradlens.io.keras;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One layer of a {@link KerasModelSpec}.
 *
 * <p>{@code config} is the layer's Keras config parsed from JSON into plain Java values
 * ({@code Map<String,Object>}, {@code List<Object>}, {@code String}, {@code Number},
 * {@code Boolean}, {@code null}), unmodified except for these normalisations: an
 * {@code InputLayer} always has {@code batch_input_shape} (Keras 3 calls it {@code batch_shape});
 * a {@code GRU} always has {@code reset_after} (inferred from the bias rank when the file omits
 * it); class-name aliases ({@code MaxPool2D}, {@code Convolution1D}, ...) are replaced by the
 * canonical names in {@link KerasModelValidator#SUPPORTED_LAYERS}.
 *
 * <p>{@code weights} maps a parameter name to its tensor in Keras layout: {@code kernel},
 * {@code recurrent_kernel}, {@code bias}, {@code embeddings}; for {@code Bidirectional} the names
 * are prefixed {@code forward/} and {@code backward/} (for example {@code forward/kernel}). The map
 * iterates in Keras weight order.
 *
 * @param name the layer name, unique in the model
 * @param className the canonical Keras class name, for example {@code LSTM}
 * @param config the parsed Keras layer config (deeply unmodifiable)
 * @param inboundLayers names of the layers whose outputs feed this one, in argument order; empty
 *     for an {@code InputLayer}
 * @param weights parameter name to tensor (unmodifiable, possibly empty)
 */
public record KerasLayerSpec(
        String name,
        String className,
        Map<String, Object> config,
        List<String> inboundLayers,
        Map<String, WeightArray> weights) {

    /** Makes unmodifiable copies of the collections. */
    public KerasLayerSpec {
        if (name == null || className == null) {
            throw new IllegalArgumentException("layer name and class must not be null");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> frozen = (Map<String, Object>) deepFreeze(config == null ? Map.of() : config);
        config = frozen;
        inboundLayers = List.copyOf(inboundLayers == null ? List.of() : inboundLayers);
        weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights == null ? Map.of() : weights));
    }

    /** Recursively copies JSON-like maps and lists into unmodifiable ones (null values allowed). */
    private static Object deepFreeze(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), deepFreeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (o instanceof List<?> l) {
            List<Object> copy = new java.util.ArrayList<>(l.size());
            l.forEach(v -> copy.add(deepFreeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return o;
    }

    /**
     * @param param a parameter name such as {@code kernel}
     * @return the weight, or {@code null} if the layer has none by that name
     */
    public WeightArray weight(String param) {
        return weights.get(param);
    }

    /**
     * @param key a config key
     * @return its value as a string, or {@code null} if absent or {@code null}
     */
    public String stringConfig(String key) {
        Object v = config.get(key);
        return v == null ? null : v.toString();
    }

    /**
     * @param key a config key
     * @param fallback value when absent or {@code null}
     * @return the boolean value
     */
    public boolean boolConfig(String key, boolean fallback) {
        Object v = config.get(key);
        return v instanceof Boolean b ? b : fallback;
    }

    /**
     * @param key a config key holding an integer
     * @param fallback value when absent or {@code null}
     * @return the integer value
     */
    public int intConfig(String key, int fallback) {
        Object v = config.get(key);
        return v instanceof Number n ? n.intValue() : fallback;
    }

    /**
     * Reads an integer tuple such as {@code kernel_size} or {@code strides}; a single number is
     * repeated {@code rank} times, as Keras does.
     *
     * @param key the config key
     * @param rank expected tuple length
     * @return the values, or {@code null} if the key is absent
     */
    public int[] intTuple(String key, int rank) {
        Object v = config.get(key);
        if (v == null) {
            return null;
        }
        int[] out = new int[rank];
        if (v instanceof Number n) {
            java.util.Arrays.fill(out, n.intValue());
            return out;
        }
        if (v instanceof List<?> list && list.size() == rank) {
            for (int i = 0; i < rank; i++) {
                if (!(list.get(i) instanceof Number n)) {
                    return null;
                }
                out[i] = n.intValue();
            }
            return out;
        }
        return null;
    }
}
