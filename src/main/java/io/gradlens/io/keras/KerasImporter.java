package io.gradlens.io.keras;

import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Layer;
import io.gradlens.nn.Sequential;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Turns a {@link KerasModelSpec} into a GradLens {@link Classifier} whose network is a
 * {@link Sequential} of GradLens layers with the Keras weights copied unchanged (GradLens layers use
 * Keras layouts).
 *
 * <p>What imports: Sequential models and functional models that are chains (one input, one output,
 * every layer reading only the previous one), made of the layers in
 * {@link KerasModelValidator#SUPPORTED_LAYERS}. Branching graphs, shared layers and options GradLens
 * does not compute the same way are refused with a {@link ModelFormatException} naming the layer.
 * Nothing in the file is executed.
 *
 * <p>Heads (see {@link Classifier.Head}): a final softmax over a vector becomes linear class logits
 * (their softmax is the Keras output); a final single-unit sigmoid becomes two logits {@code [0, z]}
 * (an added {@code binary_logits} layer; softmax = {@code [1 − σ(z), σ(z)]}, classes {@code 0, 1});
 * a final sigmoid over several units becomes label logits with a {@link Classifier.Head#SIGMOID}
 * head; anything else (linear regression outputs, sequences, …) is kept as it is with a
 * {@link Classifier.Head#LINEAR} head, unless {@link Options#linearOutputsAreLogits} says that the
 * final linear outputs are class logits (a model trained with {@code from_logits=True}).
 */
public final class KerasImporter {

    /**
     * What the file does not say.
     *
     * @param vocabulary             for a text model (first layer Embedding): the token ids the model was
     *                               trained with, see {@link KerasVocabulary}; {@code null} to import it
     *                               as a model of token ids
     * @param classNames             class or output names, {@code null} for defaults
     * @param linearOutputsAreLogits treat a final linear vector output as class logits
     */
    public record Options(Vocabulary vocabulary, List<String> classNames, boolean linearOutputsAreLogits) {
        /** Copies the class names. */
        public Options {
            classNames = classNames == null ? null : List.copyOf(classNames);
        }

        /** No vocabulary, default class names. */
        public static Options defaults() {
            return new Options(null, null, false);
        }
    }

    /**
     * An imported model with what the import noticed.
     *
     * @param model the model
     * @param notes things the user should know (e.g. a text model imported without a vocabulary,
     *              how the head was converted); one sentence each
     */
    public record Result(Classifier model, List<String> notes) {
        /** Copies the notes. */
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private KerasImporter() {
    }

    /**
     * Reads a model file and, for a text model, its vocabulary, and imports them.
     *
     * @param file           a Keras {@code .h5}, {@code .keras} or TF.js {@code model.json}
     * @param vocabularyFile a Keras tokenizer JSON or word list (see {@link KerasVocabulary}), or
     *                       {@code null}
     * @param classNames     class names, or {@code null} for defaults
     * @param linearOutputsAreLogits see {@link Options}
     * @throws IOException if the vocabulary file cannot be read
     */
    public static Result importFile(Path file, Path vocabularyFile, List<String> classNames,
                                    boolean linearOutputsAreLogits) throws java.io.IOException {
        KerasModelSpec spec = KerasModelFiles.read(file);
        List<String> vocabNotes = List.of();
        Vocabulary vocabulary = null;
        if (vocabularyFile != null) {
            List<KerasLayerSpec> layers = spec.computeLayers();
            if (layers.isEmpty() || !layers.get(0).className().equals("Embedding")) {
                throw new ModelFormatException(file, null, "a vocabulary was given but the model's first layer is "
                        + (layers.isEmpty() ? "missing" : layers.get(0).className() + " '" + layers.get(0).name()
                        + "'") + ", not an Embedding: it does not read text");
            }
            KerasVocabulary.Loaded loaded = KerasVocabulary.read(vocabularyFile,
                    layers.get(0).intConfig("input_dim", 0));
            vocabulary = loaded.vocabulary();
            vocabNotes = loaded.notes();
        }
        Result r = importSpec(spec, file, new Options(vocabulary, classNames, linearOutputsAreLogits));
        List<String> notes = new ArrayList<>(r.notes());
        vocabNotes.forEach(n -> notes.add("vocabulary: " + n));
        return new Result(r.model(), notes);
    }

    /** Reads {@code file} with {@link KerasModelFiles#read} and imports it. */
    public static Result importFile(Path file, Options options) {
        return importSpec(KerasModelFiles.read(file), file, options);
    }

    /**
     * Imports a spec.
     *
     * @param file the file it came from, for messages and provenance (may be {@code null})
     * @throws ModelFormatException naming the layer, for anything GradLens cannot represent exactly
     */
    public static Result importSpec(KerasModelSpec spec, Path file, Options options) {
        return new KerasImporter.Run(spec, file, options == null ? Options.defaults() : options).run();
    }

    /** One planned GradLens layer with its Keras origin. */
    private record Planned(String type, String name, Map<String, Object> config, KerasLayerSpec origin) {
    }

    private static final class Run {
        private final KerasModelSpec spec;
        private final Path file;
        private final Options options;
        private final List<String> notes = new ArrayList<>();

        Run(KerasModelSpec spec, Path file, Options options) {
            this.spec = spec;
            this.file = file;
            this.options = options;
        }

        private ModelFormatException problem(KerasLayerSpec l, String detail) {
            return new ModelFormatException(file, l == null ? null : l.name(), l == null ? detail
                    : l.className() + ": " + detail);
        }

        private UnsupportedModelException unsupported(KerasLayerSpec l, String detail) {
            return new UnsupportedModelException(file, l.name(), l.className() + ": " + detail);
        }

        Result run() {
            List<KerasLayerSpec> chain = chain();
            KerasLayerSpec input = spec.layer(spec.inputNames().get(0)).orElseThrow();
            long[] inputShape = inputShape(input);
            List<Planned> plan = new ArrayList<>();
            for (KerasLayerSpec l : chain) {
                Planned p = translate(l);
                if (p != null) {
                    plan.add(p);
                }
            }
            if (plan.isEmpty()) {
                throw problem(null, "the model has no layers besides its input");
            }
            // Output shape before any head conversion, to decide the head.
            long[] outShape = build(inputShape, plan).currentShape();
            Classifier.Head head = convertHead(plan, outShape);
            Sequential.Builder builder = build(inputShape, plan);
            Sequential network = builder.build();
            loadWeights(network, plan);
            long[] finalShape = builder.currentShape();
            List<String> classes = classNames(head, finalShape, outShape);
            InputSpec inputSpec = inputSpec(network, inputShape);
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("source", "keras-import");
            if (file != null && file.getFileName() != null) {
                provenance.put("file", file.getFileName().toString());
            }
            provenance.put("format", spec.format());
            provenance.put("keras_version", spec.kerasVersion());
            provenance.put("imported", java.time.Instant.now().toString());
            if (!notes.isEmpty()) {
                provenance.put("import_notes", List.copyOf(notes));
            }
            Classifier model;
            try {
                model = new Classifier(network, inputSpec, classes, provenance, head);
            } catch (IllegalArgumentException e) {
                throw problem(null, e.getMessage());
            }
            return new Result(model, notes);
        }

        /** The compute layers from the input to the output, refusing anything that is not a chain. */
        private List<KerasLayerSpec> chain() {
            if (spec.inputNames().size() != 1) {
                throw new UnsupportedModelException(file, null, "the model has " + spec.inputNames().size()
                        + " inputs " + spec.inputNames() + "; GradLens imports models with one input");
            }
            if (spec.outputNames().size() != 1) {
                throw new UnsupportedModelException(file, null, "the model has " + spec.outputNames().size()
                        + " outputs " + spec.outputNames() + "; GradLens imports models with one output");
            }
            Map<String, List<String>> consumers = new HashMap<>();
            for (KerasLayerSpec l : spec.layers()) {
                if (l.className().equals("InputLayer")) {
                    continue;
                }
                if (l.inboundLayers().size() != 1) {
                    throw new UnsupportedModelException(file, l.name(), l.className() + " reads "
                            + l.inboundLayers().size() + " tensors " + l.inboundLayers() + "; GradLens imports "
                            + "chains of layers, each reading only the previous layer's output");
                }
                consumers.computeIfAbsent(l.inboundLayers().get(0), k -> new ArrayList<>()).add(l.name());
            }
            for (Map.Entry<String, List<String>> e : consumers.entrySet()) {
                if (e.getValue().size() > 1) {
                    KerasLayerSpec l = spec.layer(e.getKey()).orElseThrow();
                    throw new UnsupportedModelException(file, l.name(), l.className() + " feeds "
                            + e.getValue().size() + " layers " + e.getValue() + ": the model branches; GradLens "
                            + "imports chains of layers only (Sequential models and functional models without "
                            + "branches)");
                }
            }
            List<KerasLayerSpec> out = new ArrayList<>();
            String at = spec.inputNames().get(0);
            while (consumers.containsKey(at)) {
                KerasLayerSpec next = spec.layer(consumers.get(at).get(0)).orElseThrow();
                out.add(next);
                at = next.name();
            }
            if (!at.equals(spec.outputNames().get(0))) {
                throw new UnsupportedModelException(file, spec.outputNames().get(0), "the model output is not at the "
                        + "end of the chain of layers from the input (which ends at '" + at + "')");
            }
            long inputs = spec.layers().stream().filter(l -> l.className().equals("InputLayer")).count();
            if (out.size() + inputs != spec.layers().size()) {
                throw new UnsupportedModelException(file, null, "some layers are not on the path from the input "
                        + "to the output; GradLens imports chains of layers only");
            }
            return out;
        }

        private long[] inputShape(KerasLayerSpec input) {
            Object v = input.config().get("batch_input_shape");
            if (!(v instanceof List<?> list) || list.size() < 2) {
                throw problem(input, "the input has no usable batch_input_shape (" + v + ")");
            }
            long[] shape = new long[list.size() - 1];
            for (int i = 1; i < list.size(); i++) {
                Object d = list.get(i);
                shape[i - 1] = d instanceof Number n ? n.longValue() : -1;
            }
            return shape;
        }

        private String activation(KerasLayerSpec l, String key, String fallback) {
            Object v = l.config().get(key);
            String name = v == null ? fallback : v.toString();
            return activationName(name);
        }

        private String activationName(String name) {
            if ("hard_sigmoid".equals(name) && spec.hardSigmoidIsKeras3()) {
                return "hard_sigmoid_keras3";
            }
            return name;
        }

        private static int single(KerasLayerSpec l, String key, int fallback) {
            int[] t = l.intTuple(key, 1);
            return t == null ? fallback : t[0];
        }

        private static List<Integer> pair(int[] v) {
            return List.of(v[0], v[1]);
        }

        private Planned translate(KerasLayerSpec l) {
            Map<String, Object> c = new LinkedHashMap<>();
            String name = l.name();
            switch (l.className()) {
                case "Embedding" -> {
                    c.put("input_dim", l.intConfig("input_dim", 0));
                    c.put("output_dim", l.intConfig("output_dim", 0));
                    c.put("mask_zero", l.boolConfig("mask_zero", false));
                    return new Planned("embedding", name, c, l);
                }
                case "Dense" -> {
                    c.put("units", l.intConfig("units", 0));
                    c.put("activation", activation(l, "activation", "linear"));
                    return new Planned("dense", name, c, l);
                }
                case "SimpleRNN", "LSTM", "GRU" -> {
                    return new Planned(rnnType(l.className()), name, rnnConfig(l, l.config(), false), l);
                }
                case "Bidirectional" -> {
                    Map<String, Object> inner = map(l, l.config().get("layer"));
                    String cls = String.valueOf(inner.get("class_name"));
                    Map<String, Object> innerCfg = map(l, inner.get("config"));
                    Map<String, Object> fwd = rnnConfig(l, innerCfg, false);
                    Object back = l.config().get("backward_layer");
                    if (back != null) {
                        Map<String, Object> backMap = map(l, back);
                        // The backward layer's own config says go_backwards=true; that is what it means.
                        Map<String, Object> bwd = rnnConfig(l, map(l, backMap.get("config")), true);
                        if (!cls.equals(backMap.get("class_name")) || !fwd.equals(bwd)) {
                            throw unsupported(l, "its backward layer (" + backMap.get("class_name") + " " + bwd
                                    + ") differs from its forward layer (" + cls + " " + fwd + "); GradLens supports "
                                    + "Bidirectional with the same layer in both directions");
                        }
                    }
                    Map<String, Object> layer = new LinkedHashMap<>();
                    layer.put("type", rnnType(cls));
                    layer.put("config", fwd);
                    c.put("merge_mode", l.stringConfig("merge_mode"));
                    c.put("layer", layer);
                    return new Planned("bidirectional", name, c, l);
                }
                case "Conv1D" -> {
                    c.put("filters", l.intConfig("filters", 0));
                    c.put("kernel_size", single(l, "kernel_size", 0));
                    c.put("strides", single(l, "strides", 1));
                    c.put("padding", l.config().getOrDefault("padding", "valid"));
                    c.put("activation", activation(l, "activation", "linear"));
                    return new Planned("conv1d", name, c, l);
                }
                case "Conv2D" -> {
                    c.put("filters", l.intConfig("filters", 0));
                    int[] k = l.intTuple("kernel_size", 2);
                    if (k == null) {
                        throw problem(l, "kernel_size " + l.config().get("kernel_size") + " is not two integers");
                    }
                    int[] s = l.intTuple("strides", 2);
                    c.put("kernel_size", pair(k));
                    c.put("strides", pair(s == null ? new int[] {1, 1} : s));
                    c.put("padding", l.config().getOrDefault("padding", "valid"));
                    c.put("activation", activation(l, "activation", "linear"));
                    return new Planned("conv2d", name, c, l);
                }
                case "MaxPooling1D" -> {
                    int pool = single(l, "pool_size", 2);
                    c.put("pool_size", pool);
                    c.put("strides", single(l, "strides", pool));
                    c.put("padding", l.config().getOrDefault("padding", "valid"));
                    return new Planned("max_pool1d", name, c, l);
                }
                case "MaxPooling2D" -> {
                    int[] pool = l.intTuple("pool_size", 2);
                    pool = pool == null ? new int[] {2, 2} : pool;
                    int[] s = l.intTuple("strides", 2);
                    c.put("pool_size", pair(pool));
                    c.put("strides", pair(s == null ? pool : s));
                    c.put("padding", l.config().getOrDefault("padding", "valid"));
                    return new Planned("max_pool2d", name, c, l);
                }
                case "GlobalMaxPooling1D", "GlobalAveragePooling1D", "GlobalMaxPooling2D",
                        "GlobalAveragePooling2D" -> {
                    if (l.boolConfig("keepdims", false)) {
                        throw unsupported(l, "keepdims=true is not supported (supported: false)");
                    }
                    String kind = l.className().startsWith("GlobalMax") ? "max" : "average";
                    return new Planned("global_" + kind + "_pool" + (l.className().endsWith("1D") ? "1d" : "2d"),
                            name, c, l);
                }
                case "Flatten" -> {
                    return new Planned("flatten", name, c, l);
                }
                case "Dropout" -> {
                    Object rate = l.config().get("rate");
                    c.put("rate", rate instanceof Number ? rate : 0.0);
                    return new Planned("dropout", name, c, l);
                }
                case "Activation" -> {
                    c.put("activation", activation(l, "activation", null));
                    return new Planned("activation", name, c, l);
                }
                case "Masking" -> {
                    Object v = l.config().get("mask_value");
                    c.put("mask_value", v instanceof Number ? v : 0.0);
                    return new Planned("masking", name, c, l);
                }
                default -> throw unsupported(l, "layer class '" + l.className() + "' is not supported; supported: "
                        + KerasModelValidator.supportedLayersText());
            }
        }

        private static String rnnType(String cls) {
            return switch (cls) {
                case "SimpleRNN" -> "simple_rnn";
                case "LSTM" -> "lstm";
                default -> "gru";
            };
        }

        private Map<String, Object> rnnConfig(KerasLayerSpec l, Map<String, Object> k, boolean backward) {
            if (!backward && Boolean.TRUE.equals(k.get("go_backwards"))) {
                throw unsupported(l, "go_backwards=true is not supported (wrap the layer in Bidirectional instead)");
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("units", k.get("units"));
            c.put("return_sequences", Boolean.TRUE.equals(k.get("return_sequences")));
            c.put("activation", activationName(k.get("activation") == null ? "linear"
                    : k.get("activation").toString()));
            if (k.containsKey("recurrent_activation")) {
                c.put("recurrent_activation", activationName(k.get("recurrent_activation") == null ? "linear"
                        : k.get("recurrent_activation").toString()));
            }
            if (k.containsKey("reset_after")) {
                c.put("reset_after", Boolean.TRUE.equals(k.get("reset_after")));
            }
            return c;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> map(KerasLayerSpec l, Object v) {
            if (v instanceof Map<?, ?> m) {
                return (Map<String, Object>) m;
            }
            throw problem(l, "expected a JSON object in its config, got " + v);
        }

        private Sequential.Builder build(long[] inputShape, List<Planned> plan) {
            Sequential.Builder b = Sequential.builder(inputShape, DataType.FLOAT, 0);
            for (Planned p : plan) {
                try {
                    b.add(p.type(), p.name(), p.config());
                } catch (IllegalArgumentException e) {
                    throw problem(p.origin(), "cannot be built on input shape "
                            + Arrays.toString(b.currentShape()) + " (" + e.getMessage() + ")");
                }
            }
            return b;
        }

        /** Rewrites the last layers for the head and returns it. */
        private Classifier.Head convertHead(List<Planned> plan, long[] outShape) {
            int last = plan.size() - 1;
            while (last > 0 && plan.get(last).type().equals("dropout")) {
                last--;
            }
            Planned p = plan.get(last);
            Object act = p.config().get("activation");
            boolean vector = outShape.length == 1;
            boolean hasActivation = List.of("dense", "conv1d", "conv2d", "activation").contains(p.type());
            if (vector && hasActivation && "softmax".equals(act) && outShape[0] >= 2) {
                p.config().put("activation", "linear");
                notes.add("the final softmax of layer '" + p.name() + "' became linear class logits; their softmax "
                        + "is the Keras output");
                return Classifier.Head.SOFTMAX;
            }
            if (vector && hasActivation && "sigmoid".equals(act) && outShape[0] == 1) {
                p.config().put("activation", "linear");
                String name = uniqueName(plan, p.name() + "_binary_logits");
                plan.add(new Planned("binary_logits", name, new LinkedHashMap<>(), p.origin()));
                notes.add("the single sigmoid output of layer '" + p.name() + "' became two class logits [0, z] "
                        + "(layer '" + name + "'); their softmax is [1 - sigmoid(z), sigmoid(z)]");
                return Classifier.Head.SOFTMAX;
            }
            if (vector && hasActivation && "sigmoid".equals(act)) {
                p.config().put("activation", "linear");
                notes.add("the final sigmoid of layer '" + p.name() + "' became " + outShape[0] + " label logits "
                        + "(multi-label head: each output is the sigmoid of its logit)");
                return Classifier.Head.SIGMOID;
            }
            if (vector && outShape[0] >= 2 && options.linearOutputsAreLogits() && "linear".equals(act)) {
                notes.add("the final linear outputs of layer '" + p.name() + "' are used as class logits");
                return Classifier.Head.SOFTMAX;
            }
            notes.add("the model's outputs " + Arrays.toString(outShape) + " are kept as they are (layer '"
                    + p.name() + "', activation " + act + "); GradLens reports them without converting them "
                    + "to class probabilities");
            return Classifier.Head.LINEAR;
        }

        private static String uniqueName(List<Planned> plan, String base) {
            String name = base;
            int n = 1;
            while (true) {
                String candidate = name;
                if (plan.stream().noneMatch(p -> p.name().equals(candidate))) {
                    return candidate;
                }
                name = base + "_" + n++;
            }
        }

        private List<String> classNames(Classifier.Head head, long[] finalShape, long[] kerasShape) {
            long n = finalShape.length == 1 ? finalShape[0] : -1;
            List<String> given = options.classNames();
            if (given != null) {
                if (n < 0 || given.size() != n) {
                    throw new ModelFormatException(file, null, given.size() + " class names given " + given
                            + " but the model has " + (n < 0 ? "outputs of shape " + Arrays.toString(finalShape)
                            : n + " outputs" + (kerasShape[0] == 1 && n == 2 ? " (one sigmoid unit: classes 0 and 1)"
                            : "")));
                }
                return given;
            }
            List<String> out = new ArrayList<>();
            if (n < 0) {
                return out;
            }
            String prefix = switch (head) {
                case SOFTMAX -> "class_";
                case SIGMOID -> "label_";
                case LINEAR -> "output_";
            };
            for (int i = 0; i < n; i++) {
                out.add(kerasShape.length == 1 && kerasShape[0] == 1 && n == 2 ? String.valueOf(i) : prefix + i);
            }
            return out;
        }

        private void loadWeights(Sequential network, List<Planned> plan) {
            Map<String, INDArray> weights = new LinkedHashMap<>();
            long[] shape = network.inputShape();
            for (int i = 0; i < network.layers().size(); i++) {
                Layer layer = network.layer(i);
                KerasLayerSpec origin = plan.get(i).origin();
                boolean synthetic = plan.get(i).type().equals("binary_logits");
                for (Map.Entry<String, io.gradlens.autodiff.Tensor> e : layer.parameters().entrySet()) {
                    long[] need = e.getValue().shape();
                    WeightArray w = synthetic ? null : origin.weight(e.getKey());
                    INDArray value;
                    if (w == null) {
                        if (e.getKey().endsWith("bias") && !useBias(origin, e.getKey())) {
                            value = Nd4j.zeros(DataType.FLOAT, need);
                        } else {
                            throw problem(origin, "has no weight '" + e.getKey() + "' (GradLens needs shape "
                                    + Arrays.toString(need) + ")");
                        }
                    } else {
                        if (!Arrays.equals(w.shape(), need)) {
                            throw problem(origin, "weight '" + e.getKey() + "' has shape " + w.shapeString()
                                    + " but on its input shape " + Arrays.toString(shape) + " the layer needs "
                                    + Arrays.toString(need));
                        }
                        value = Nd4j.create(w.data(), w.shape(), DataType.FLOAT);
                    }
                    weights.put(layer.name() + "/" + e.getKey(), value);
                }
                if (!synthetic) {
                    for (String k : origin.weights().keySet()) {
                        if (!layer.parameters().containsKey(k)) {
                            throw problem(origin, "has weight '" + k + "' that the GradLens layer does not use");
                        }
                    }
                }
                shape = layer.outputShape(shape);
            }
            try {
                network.loadWeights(weights);
            } catch (IllegalArgumentException e) {
                throw problem(null, e.getMessage());
            }
        }

        private static boolean useBias(KerasLayerSpec l, String param) {
            if (l.className().equals("Bidirectional")) {
                Object inner = l.config().get(param.startsWith("backward/") && l.config().get("backward_layer")
                        != null ? "backward_layer" : "layer");
                if (inner instanceof Map<?, ?> m && m.get("config") instanceof Map<?, ?> cfg) {
                    return !Boolean.FALSE.equals(cfg.get("use_bias"));
                }
                return true;
            }
            return !Boolean.FALSE.equals(l.config().get("use_bias"));
        }

        private InputSpec inputSpec(Sequential network, long[] inputShape) {
            if (network.takesTokenIds()) {
                Embedding e = (Embedding) network.layer(0);
                if (options.vocabulary() == null) {
                    notes.add("text model (first layer Embedding '" + e.name() + "') imported without a vocabulary: "
                            + "it reads token ids (0 to " + (e.vocabularySize() - 1) + "), not text; pass the Keras "
                            + "tokenizer JSON or a word list (--vocab) to use it on text");
                    return new InputSpec.Numeric(inputShape);
                }
                if (options.vocabulary().size() != e.vocabularySize()) {
                    throw new ModelFormatException(file, e.name(), "the vocabulary has " + options.vocabulary().size()
                            + " ids but the Embedding has input_dim " + e.vocabularySize()
                            + "; use KerasVocabulary.read with the embedding size");
                }
                if (!e.maskZero()) {
                    notes.add("Embedding '" + e.name() + "' has mask_zero=false: padding id 0 is looked up like a "
                            + "word, as in Keras");
                }
                return new InputSpec.Tokens(options.vocabulary());
            }
            if (options.vocabulary() != null) {
                throw new ModelFormatException(file, null, "a vocabulary was given but the model's first layer is "
                        + "not an Embedding; it reads numeric tensors " + Arrays.toString(inputShape));
            }
            if (inputShape.length == 3 && Arrays.stream(inputShape).allMatch(d -> d > 0)
                    && (inputShape[2] == 1 || inputShape[2] == 3)) {
                return new InputSpec.Image((int) inputShape[0], (int) inputShape[1], (int) inputShape[2]);
            }
            return new InputSpec.Numeric(inputShape);
        }
    }
}
