package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A stack of layers applied in order. Any contiguous range of layers can be run on its own, which
 * is how explanations differentiate with respect to an intermediate tensor such as the embedding
 * output: run layer 0, watch its output, run the rest.
 */
public final class Sequential {

    private final long[] inputShape;
    private final DataType dtype;
    private final List<Layer> layers;

    private Sequential(long[] inputShape, DataType dtype, List<Layer> layers) {
        this.inputShape = inputShape.clone();
        this.dtype = dtype;
        this.layers = List.copyOf(layers);
    }

    /**
     * Starts a model.
     *
     * @param inputShape the input shape without the batch axis; -1 for a variable length (e.g.
     *                   {@code {-1}} for token ids of any length, {@code {28, 28, 1}} for images)
     * @param dtype      float32 for use, float64 for gradient checks
     * @param seed       seeds the weight initialisation: the same seed gives the same weights
     */
    public static Builder builder(long[] inputShape, DataType dtype, long seed) {
        return new Builder(inputShape, dtype, seed);
    }

    /** Builds layers from their types and configurations, one step at a time. */
    public static final class Builder {
        private final long[] inputShape;
        private final DataType dtype;
        private final Random random;
        private final List<Layer> layers = new ArrayList<>();
        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private long[] shape;

        private Builder(long[] inputShape, DataType dtype, long seed) {
            this.inputShape = inputShape.clone();
            this.dtype = dtype;
            this.random = new Random(seed);
            this.shape = inputShape.clone();
        }

        /** Adds a layer named after its type ({@code lstm_1}, …). */
        public Builder add(String type, Map<String, ?> config) {
            int n = counts.merge(type, 1, Integer::sum);
            return add(type, type + "_" + n, config);
        }

        /** Adds a named layer. */
        public Builder add(String type, String name, Map<String, ?> config) {
            for (Layer l : layers) {
                if (l.name().equals(name)) {
                    throw new IllegalArgumentException("two layers are named '" + name + "'");
                }
            }
            Layer layer = LayerFactory.create(type, name, config, shape, random, dtype);
            shape = layer.outputShape(shape);
            layers.add(layer);
            return this;
        }

        /** The output shape so far, without the batch axis. */
        public long[] currentShape() {
            return shape.clone();
        }

        public Sequential build() {
            if (layers.isEmpty()) {
                throw new IllegalArgumentException("a model needs at least one layer");
            }
            return new Sequential(inputShape, dtype, layers);
        }
    }

    /** Rebuilds a model from {@link #architecture()} (weights freshly initialised). */
    public static Sequential fromArchitecture(long[] inputShape, DataType dtype, List<Map<String, Object>> layers,
                                              long seed) {
        Builder b = builder(inputShape, dtype, seed);
        for (Map<String, Object> spec : layers) {
            Object type = spec.get("type");
            Object name = spec.get("name");
            if (!(type instanceof String) || !(name instanceof String)) {
                throw new IllegalArgumentException("every layer needs a string 'type' and 'name', got " + spec);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> config = spec.get("config") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
            b.add((String) type, (String) name, config);
        }
        return b.build();
    }

    /** Runs every layer. */
    public Tensor forward(Tensor input, ForwardContext context) {
        return forward(input, context, 0, layers.size());
    }

    /**
     * Runs layers {@code from} (inclusive) to {@code to} (exclusive). A relu convolution followed
     * by 2-D max pooling, both in the range, runs as one fused operation ({@link Conv2d#forwardPooled});
     * the context then records no output for the convolution.
     */
    public Tensor forward(Tensor input, ForwardContext context, int from, int to) {
        Tensor x = input;
        for (int i = from; i < to; i++) {
            Layer layer = layers.get(i);
            Layer next = i + 1 < to ? layers.get(i + 1) : null;
            if (layer instanceof Conv2d conv && conv.fusesWith(next)) {
                layer = next;
                x = conv.forwardPooled(x, (MaxPool) next);
                i++;
            } else {
                x = layer.forward(x, context);
            }
            context.recordOutput(layer.name(), x);
        }
        return x;
    }

    public List<Layer> layers() {
        return layers;
    }

    public Layer layer(int index) {
        return layers.get(index);
    }

    /** The layer with this name, or an exception listing the names. */
    public Layer layer(String name) {
        return layers.get(indexOf(name));
    }

    /** The index of the named layer, or an exception listing the names. */
    public int indexOf(String name) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no layer named '" + name + "'; layers: "
                + layers.stream().map(Layer::name).toList());
    }

    /** Whether the model reads token ids (its first layer is an embedding). */
    public boolean takesTokenIds() {
        return layers.get(0) instanceof Embedding;
    }

    public long[] inputShape() {
        return inputShape.clone();
    }

    public DataType dtype() {
        return dtype;
    }

    /** Every weight by {@code <layer>/<param>}, in layer order. */
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        for (Layer l : layers) {
            for (Map.Entry<String, Tensor> e : l.parameters().entrySet()) {
                p.put(l.name() + "/" + e.getKey(), e.getValue());
            }
        }
        return Collections.unmodifiableMap(p);
    }

    /** The layers as {@code {type, name, config}} maps, the form model files store. */
    public List<Map<String, Object>> architecture() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Layer l : layers) {
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("type", l.type());
            spec.put("name", l.name());
            spec.put("config", l.config());
            out.add(spec);
        }
        return out;
    }

    /**
     * Replaces every weight with the given arrays, after checking that the names match exactly,
     * the shapes agree, and every value is finite. Nothing is changed unless all checks pass.
     *
     * @throws IllegalArgumentException naming the first offending weight
     */
    public void loadWeights(Map<String, INDArray> weights) {
        Map<String, Tensor> params = parameters();
        Set<String> extra = new HashSet<>(weights.keySet());
        extra.removeAll(params.keySet());
        if (!extra.isEmpty()) {
            throw new IllegalArgumentException("weights " + extra + " belong to no layer of this model; expected "
                    + params.keySet());
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            INDArray w = weights.get(e.getKey());
            if (w == null) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' is missing");
            }
            if (!Arrays.equals(w.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' has shape " + Arrays.toString(w.shape())
                        + ", the layer needs " + Arrays.toString(e.getValue().shape()));
            }
            if (!w.dataType().isFPType()) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' has type " + w.dataType()
                        + "; weights must be floating point");
            }
            if (!FiniteValues.allFinite(w)) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' contains NaN or infinite values");
            }
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            e.getValue().assign(weights.get(e.getKey()).castTo(dtype));
        }
    }
}
