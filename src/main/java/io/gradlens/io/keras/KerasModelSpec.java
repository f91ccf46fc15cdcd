package io.gradlens.io.keras;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A neutral, validated description of a Keras / TensorFlow.js model: its layers in topological
 * order (every layer comes after all its inbound layers; the model's inputs are explicit
 * {@code InputLayer}s, synthesised for Keras 2 Sequential models and named
 * {@code <first layer>_input} as Keras 2 does), each with its parsed config and its weights in the
 * original Keras layout.
 *
 * <p>Semantics that depend on the format: {@code hard_sigmoid} is {@code clip(0.2x + 0.5, 0, 1)}
 * in Keras 2 and TensorFlow.js but {@code relu6(x + 3) / 6} in Keras 3 (also in legacy {@code .h5}
 * files that Keras 3 writes, whose {@code kerasVersion} starts with {@code 3.}); see
 * {@link #hardSigmoidIsKeras3()}.
 *
 * @param format one of {@link #FORMAT_KERAS2_H5}, {@link #FORMAT_KERAS3}, {@link #FORMAT_TFJS_LAYERS}
 * @param kerasVersion the version the file declares (for example {@code 2.2.4},
 *     {@code 3.3.3}, {@code tfjs-layers 4.22.0}); empty if the file does not say
 * @param layers all layers, topologically ordered (unmodifiable)
 * @param inputNames names of the model's input layers, in model input order
 * @param outputNames names of the layers whose outputs are the model's outputs, in order
 */
public record KerasModelSpec(
        String format,
        String kerasVersion,
        List<KerasLayerSpec> layers,
        List<String> inputNames,
        List<String> outputNames) {

    /** Keras 2 / tf.keras HDF5 ({@code .h5}). */
    public static final String FORMAT_KERAS2_H5 = "keras2-h5";
    /** Keras 3 archive ({@code .keras}). */
    public static final String FORMAT_KERAS3 = "keras3";
    /** TensorFlow.js layers model ({@code model.json} + shards). */
    public static final String FORMAT_TFJS_LAYERS = "tfjs-layers";

    /** Makes unmodifiable copies of the lists. */
    public KerasModelSpec {
        layers = List.copyOf(layers);
        inputNames = List.copyOf(inputNames);
        outputNames = List.copyOf(outputNames);
        kerasVersion = kerasVersion == null ? "" : kerasVersion;
    }

    /**
     * @param name a layer name
     * @return the layer with that name, if any
     */
    public Optional<KerasLayerSpec> layer(String name) {
        return layers.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** @return the layers that are not {@code InputLayer}s, in topological order */
    public List<KerasLayerSpec> computeLayers() {
        List<KerasLayerSpec> out = new ArrayList<>();
        for (KerasLayerSpec l : layers) {
            if (!l.className().equals("InputLayer")) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * @return all weights keyed {@code <layer>/<param>}, in layer order then Keras weight order
     */
    public Map<String, WeightArray> allWeights() {
        Map<String, WeightArray> out = new java.util.LinkedHashMap<>();
        for (KerasLayerSpec l : layers) {
            l.weights().forEach((k, v) -> out.put(l.name() + "/" + k, v));
        }
        return out;
    }

    /**
     * @return true when {@code hard_sigmoid} means Keras 3's {@code relu6(x + 3) / 6}; false when it
     *     means Keras 2's and TensorFlow.js' {@code clip(0.2x + 0.5, 0, 1)}
     */
    public boolean hardSigmoidIsKeras3() {
        // Keras 3 also writes legacy .h5 files; their keras_version says 3.x.
        return FORMAT_KERAS3.equals(format) || kerasVersion.startsWith("3.");
    }
}
