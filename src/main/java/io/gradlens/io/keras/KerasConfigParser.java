package io.gradlens.io.keras;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Parses a Keras architecture (Keras 2 {@code model_config}, Keras 3 {@code config.json},
 * TensorFlow.js {@code modelTopology}) into layers with inbound edges, topologically ordered. Only
 * JSON is read; nothing is instantiated or executed.
 */
final class KerasConfigParser {

    /** A layer as found in the architecture, before weights are attached. */
    record RawLayer(String name, String className, Map<String, Object> config, List<String> inbound) {}

    /** The parsed architecture. */
    record Topology(List<RawLayer> layers, List<String> inputs, List<String> outputs) {
        RawLayer layer(String name) {
            for (RawLayer l : layers) {
                if (l.name().equals(name)) {
                    return l;
                }
            }
            return null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, String> ALIASES = Map.ofEntries(
            Map.entry("Convolution1D", "Conv1D"),
            Map.entry("Convolution2D", "Conv2D"),
            Map.entry("MaxPool1D", "MaxPooling1D"),
            Map.entry("MaxPool2D", "MaxPooling2D"),
            Map.entry("GlobalMaxPool1D", "GlobalMaxPooling1D"),
            Map.entry("GlobalMaxPool2D", "GlobalMaxPooling2D"),
            Map.entry("GlobalAvgPool1D", "GlobalAveragePooling1D"),
            Map.entry("GlobalAvgPool2D", "GlobalAveragePooling2D"));

    private final Path file;

    KerasConfigParser(Path file) {
        this.file = file;
    }

    /** Parses JSON text into plain Java maps and lists. */
    Object parseJson(String text, String what) {
        try {
            return JSON.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new ModelFormatException(file, null, what + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * @param root the model JSON: {@code {"class_name": "Sequential"|"Model"|"Functional", "config": ...}}
     */
    Topology parse(Object root) {
        Map<String, Object> model = asMap(root, null, "model config");
        String cls = asString(model.get("class_name"));
        Object config = model.get("config");
        if (cls == null) {
            throw new ModelFormatException(file, null, "model config has no class_name");
        }
        return switch (cls) {
            case "Sequential" -> sequential(config, model.get("build_config"));
            case "Model", "Functional" -> functional(asMap(config, null, "model config"));
            default -> throw new UnsupportedModelException(file, null, "model class '" + cls
                    + "' is not supported (supported: Sequential, Model/Functional); subclassed models"
                    + " carry Python code and cannot be read without running it");
        };
    }

    private Topology sequential(Object config, Object buildConfig) {
        List<Object> layerList;
        String modelName = "sequential";
        if (config instanceof List<?> l) { // Keras 2.0 / 2.1: config is the layer list
            layerList = new ArrayList<>(l);
        } else {
            Map<String, Object> m = asMap(config, null, "Sequential config");
            layerList = asList(m.get("layers"), null, "Sequential layers");
            if (m.get("name") instanceof String s) {
                modelName = s;
            }
        }
        if (layerList.isEmpty()) {
            throw new ModelFormatException(file, null, "Sequential model '" + modelName + "' has no layers");
        }
        List<RawLayer> layers = new ArrayList<>();
        for (Object o : layerList) {
            layers.add(layer(o, List.of()));
        }
        if (!layers.get(0).className().equals("InputLayer")) {
            RawLayer first = layers.get(0);
            Object shape = first.config().get("batch_input_shape");
            if (shape == null) {
                shape = first.config().get("batch_shape");
            }
            if (shape == null && first.config().get("input_shape") instanceof List<?> s) {
                List<Object> withBatch = new ArrayList<>();
                withBatch.add(null);
                withBatch.addAll(s);
                shape = withBatch;
            }
            if (shape == null && buildConfig instanceof Map<?, ?> bc && bc.get("input_shape") instanceof List<?> s) {
                shape = s; // Keras 3 Sequential built without an Input: the shape is in build_config
            }
            if (shape == null) {
                throw new ModelFormatException(file, first.name(),
                        "first layer of a Sequential model declares no input shape (batch_input_shape)");
            }
            Map<String, Object> inCfg = new LinkedHashMap<>();
            String inName = first.name() + "_input";
            inCfg.put("batch_input_shape", shape);
            inCfg.put("dtype", first.config().getOrDefault("dtype", "float32"));
            inCfg.put("name", inName);
            layers.add(0, new RawLayer(inName, "InputLayer", inCfg, List.of()));
        }
        List<RawLayer> chained = new ArrayList<>();
        for (int i = 0; i < layers.size(); i++) {
            RawLayer l = layers.get(i);
            if (i > 0 && l.className().equals("InputLayer")) {
                throw new ModelFormatException(file, l.name(), "InputLayer in the middle of a Sequential model");
            }
            chained.add(new RawLayer(l.name(), l.className(), l.config(),
                    i == 0 ? List.of() : List.of(layers.get(i - 1).name())));
        }
        checkUniqueNames(chained);
        return new Topology(chained, List.of(chained.get(0).name()),
                List.of(chained.get(chained.size() - 1).name()));
    }

    private Topology functional(Map<String, Object> config) {
        List<Object> layerList = asList(config.get("layers"), null, "functional model layers");
        List<RawLayer> layers = new ArrayList<>();
        for (Object o : layerList) {
            Map<String, Object> entry = asMap(o, null, "layer entry");
            List<String> inbound = inbound(entry);
            layers.add(layer(o, inbound));
        }
        checkUniqueNames(layers);
        List<String> inputs = endpoints(config.get("input_layers"), "input_layers");
        List<String> outputs = endpoints(config.get("output_layers"), "output_layers");
        Set<String> names = new LinkedHashSet<>();
        layers.forEach(l -> names.add(l.name()));
        for (String n : inputs) {
            if (!names.contains(n)) {
                throw new ModelFormatException(file, n, "model input refers to an unknown layer");
            }
        }
        for (String n : outputs) {
            if (!names.contains(n)) {
                throw new ModelFormatException(file, n, "model output refers to an unknown layer");
            }
        }
        return new Topology(topologicalOrder(layers), inputs, outputs);
    }

    /** Reads one {class_name, config} layer entry. */
    private RawLayer layer(Object o, List<String> inbound) {
        Map<String, Object> entry = asMap(o, null, "layer entry");
        String cls = asString(entry.get("class_name"));
        Map<String, Object> cfg = entry.get("config") instanceof Map<?, ?>
                ? new LinkedHashMap<>(asMap(entry.get("config"), null, "layer config"))
                : new LinkedHashMap<>();
        String name = asString(entry.get("name"));
        if (name == null) {
            name = asString(cfg.get("name"));
        }
        if (name == null || name.isEmpty()) {
            throw new ModelFormatException(file, null, "a layer of class " + cls + " has no name");
        }
        if (cls == null) {
            throw new ModelFormatException(file, name, "layer has no class_name");
        }
        if (entry.get("registered_name") instanceof String reg && !reg.equals(cls) && !reg.startsWith("keras")) {
            // Keras 3 marks custom (user-registered) objects with a registered_name of their own.
            cls = reg;
        } else if (entry.get("module") instanceof String module && !module.equals("keras")
                && !module.startsWith("keras.")) {
            // A class from a user module that happens to share a Keras class name is still custom code.
            cls = module + "." + cls;
        }
        cls = ALIASES.getOrDefault(cls, cls);
        if (cls.equals("InputLayer") && !cfg.containsKey("batch_input_shape") && cfg.containsKey("batch_shape")) {
            cfg.put("batch_input_shape", cfg.get("batch_shape"));
        }
        return new RawLayer(name, cls, cfg, inbound);
    }

    /** Inbound layer names from Keras 2 ({@code [[[name, node, tensor, kwargs], ...]]}) or Keras 3 nodes. */
    private List<String> inbound(Map<String, Object> entry) {
        Object nodes = entry.get("inbound_nodes");
        String name = asString(entry.get("name"));
        if (nodes == null) {
            return List.of();
        }
        List<Object> nodeList = asList(nodes, name, "inbound_nodes");
        if (nodeList.isEmpty()) {
            return List.of();
        }
        if (nodeList.size() > 1) {
            throw new UnsupportedModelException(file, name, "layer is called " + nodeList.size()
                    + " times (shared layer); shared layers are not supported");
        }
        Object node = nodeList.get(0);
        List<String> out = new ArrayList<>();
        if (node instanceof Map<?, ?> m) { // Keras 3: {"args": [...], "kwargs": {...}}
            collectKerasHistory(m.get("args"), out);
            collectKerasHistory(m.get("kwargs"), out);
        } else {
            for (Object t : asList(node, name, "inbound node")) {
                List<Object> triple = asList(t, name, "inbound tensor");
                if (triple.isEmpty() || !(triple.get(0) instanceof String s)) {
                    throw new ModelFormatException(file, name, "malformed inbound tensor " + t);
                }
                out.add(s);
            }
        }
        return out;
    }

    private void collectKerasHistory(Object o, List<String> out) {
        if (o instanceof Map<?, ?> m) {
            if ("__keras_tensor__".equals(m.get("class_name")) && m.get("config") instanceof Map<?, ?> c
                    && c.get("keras_history") instanceof List<?> h && !h.isEmpty() && h.get(0) instanceof String s) {
                out.add(s);
                return;
            }
            for (Object v : m.values()) {
                collectKerasHistory(v, out);
            }
        } else if (o instanceof List<?> l) {
            for (Object v : l) {
                collectKerasHistory(v, out);
            }
        }
    }

    /** {@code [[name, 0, 0], ...]} (Keras 2, TF.js, Keras 3 with several) or {@code [name, 0, 0]} (Keras 3, one). */
    private List<String> endpoints(Object o, String what) {
        List<Object> list = asList(o, null, what);
        List<String> out = new ArrayList<>();
        if (!list.isEmpty() && list.get(0) instanceof String s) {
            out.add(s);
            return out;
        }
        for (Object e : list) {
            List<Object> triple = asList(e, null, what);
            if (triple.isEmpty() || !(triple.get(0) instanceof String s)) {
                throw new ModelFormatException(file, null, "malformed " + what + " entry " + e);
            }
            out.add(s);
        }
        if (out.isEmpty()) {
            throw new ModelFormatException(file, null, "model declares no " + what);
        }
        return out;
    }

    private List<RawLayer> topologicalOrder(List<RawLayer> layers) {
        Map<String, RawLayer> byName = new HashMap<>();
        layers.forEach(l -> byName.put(l.name(), l));
        Map<String, Integer> pending = new HashMap<>();
        Map<String, List<String>> consumers = new HashMap<>();
        for (RawLayer l : layers) {
            Set<String> distinct = new LinkedHashSet<>(l.inbound());
            for (String src : distinct) {
                if (!byName.containsKey(src)) {
                    throw new ModelFormatException(file, l.name(), "inbound layer '" + src + "' does not exist");
                }
                consumers.computeIfAbsent(src, k -> new ArrayList<>()).add(l.name());
            }
            pending.put(l.name(), distinct.size());
        }
        // Stable Kahn: always take the earliest ready layer in file order, so a file that is already
        // topologically ordered (as Keras writes it) keeps its order.
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            index.put(layers.get(i).name(), i);
        }
        PriorityQueue<String> ready = new PriorityQueue<>(Comparator.comparing(index::get));
        for (RawLayer l : layers) {
            if (pending.get(l.name()) == 0) {
                ready.add(l.name());
            }
        }
        List<RawLayer> out = new ArrayList<>();
        while (!ready.isEmpty()) {
            String n = ready.poll();
            out.add(byName.get(n));
            for (String c : consumers.getOrDefault(n, List.of())) {
                if (pending.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (out.size() != layers.size()) {
            throw new ModelFormatException(file, null, "layer graph has a cycle");
        }
        return out;
    }

    private void checkUniqueNames(List<RawLayer> layers) {
        Set<String> seen = new LinkedHashSet<>();
        for (RawLayer l : layers) {
            if (!seen.add(l.name())) {
                throw new ModelFormatException(file, l.name(), "two layers have the same name");
            }
        }
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> asMap(Object o, String layer, String what) {
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new ModelFormatException(file, layer, what + " is not a JSON object");
    }

    @SuppressWarnings("unchecked")
    List<Object> asList(Object o, String layer, String what) {
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new ModelFormatException(file, layer, what + " is not a JSON array");
    }

    private static String asString(Object o) {
        return o instanceof String s ? s : null;
    }
}
