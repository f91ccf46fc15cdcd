package io.gradlens.io.keras;

import io.gradlens.format.ArchiveLimits;
import io.gradlens.format.SizeLimit;
import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads Keras 3 {@code .keras} archives: a zip holding {@code config.json} (the serialised model),
 * {@code metadata.json} ({@code keras_version}) and {@code model.weights.h5}.
 *
 * <p>In {@code model.weights.h5} Keras 3 stores each layer of {@code model.layers} under
 * {@code layers/<key>/vars/<i>}, where {@code <key>} is the snake_case class name with a per-class
 * counter ({@code dense}, {@code dense_1}, ...; {@code layers} of a Sequential model excludes its
 * InputLayer) and {@code <i>} = 0, 1, ... in variable creation order. RNN layers keep their
 * weights in their cell ({@code layers/lstm/cell/vars/0..2}); Bidirectional in
 * {@code layers/bidirectional/forward_layer/cell/vars} and {@code .../backward_layer/cell/vars}.
 *
 * <p>Zip entries are checked before anything is read: at most {@link Limits#MAX_ZIP_ENTRIES}
 * entries, no absolute or {@code ..} paths, and bounded sizes; nothing is extracted to disk.
 */
public final class Keras3Reader {

    private static final Set<String> RNN = Set.of("SimpleRNN", "LSTM", "GRU");

    private Keras3Reader() {}

    /**
     * @param file the {@code .keras} archive
     * @return the validated model description
     * @throws ModelFormatException if the archive is not a readable, supported Keras 3 model
     */
    public static KerasModelSpec read(Path file) {
        Keras2H5Reader.requireFile(file);
        byte[] configBytes;
        byte[] metadataBytes;
        byte[] weightBytes;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            checkEntries(file, zip);
            configBytes = entry(file, zip, "config.json", Limits.JSON_BYTES, true);
            metadataBytes = entry(file, zip, "metadata.json", Limits.JSON_BYTES, false);
            weightBytes = entry(file, zip, "model.weights.h5", Limits.WEIGHT_BYTES, false);
            if (weightBytes == null) {
                if (zip.getEntry("model.weights.npz") != null) {
                    throw new ModelFormatException(file, null, "weights are stored as model.weights.npz;"
                            + " only model.weights.h5 is supported");
                }
                throw new ModelFormatException(file, null, "archive has no model.weights.h5");
            }
        } catch (ZipException e) {
            throw new ModelFormatException(file, null, "not a valid zip archive (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ModelFormatException(file, null, "cannot read archive: " + e.getMessage(), e);
        }
        KerasConfigParser parser = new KerasConfigParser(file);
        String version = "";
        if (metadataBytes != null) {
            Object meta = parser.parseJson(new String(metadataBytes, StandardCharsets.UTF_8), "metadata.json");
            if (meta instanceof Map<?, ?> m && m.get("keras_version") instanceof String v) {
                version = v;
            }
        }
        Object config = parser.parseJson(new String(configBytes, StandardCharsets.UTF_8), "config.json");
        KerasConfigParser.Topology topology = parser.parse(config);
        KerasModelValidator.checkArchitecture(file, topology);
        boolean sequential = config instanceof Map<?, ?> m && "Sequential".equals(m.get("class_name"));

        Path h5Name = Path.of(file.toString() + "!/model.weights.h5");
        try (HdfFile hdf = Hdf5Support.open(h5Name, weightBytes)) {
            Node layersNode = Hdf5Support.child(h5Name, hdf, "layers");
            if (!(layersNode instanceof Group layersGroup)) {
                if (Hdf5Support.child(h5Name, hdf, "_layer_checkpoint_dependencies") != null) {
                    throw new UnsupportedModelException(file, null, "this .keras file uses the Keras 2.13-2.15"
                            + " weight layout (_layer_checkpoint_dependencies); only the Keras 3 layout is supported");
                }
                throw new ModelFormatException(file, null, "model.weights.h5 has no 'layers' group");
            }
            Map<String, String> keys = storageKeys(topology, sequential);
            java.util.Set<String> groups = Hdf5Support.guard(h5Name, null, () -> layersGroup.getChildren().keySet());
            for (String g : groups) {
                if (!keys.containsValue(g)) {
                    throw new ModelFormatException(file, null, "model.weights.h5 has weights under layers/" + g
                            + " but the architecture has no layer stored under that key (expected keys: "
                            + String.join(", ", new java.util.TreeSet<>(keys.values())) + ")");
                }
            }
            return SpecAssembler.assemble(file, KerasModelSpec.FORMAT_KERAS3, version, topology, layer -> {
                String key = keys.get(layer.name());
                if (key == null) {
                    return Map.of();
                }
                Node g = Hdf5Support.child(h5Name, layersGroup, key);
                if (g == null) {
                    return Map.of(); // the validator reports missing weights, if any are needed
                }
                Map<String, WeightArray> out = new LinkedHashMap<>();
                if (RNN.contains(layer.className())) {
                    vars(file, layer.name(), (Group) g, "cell/vars", layer.className(), layer.config(), "", out);
                    requireEmpty(file, layer.name(), (Group) g, "vars");
                } else if (layer.className().equals("Bidirectional")) {
                    for (String dir : List.of("forward", "backward")) {
                        Object entry = dir.equals("backward") && layer.config().get("backward_layer") != null
                                ? layer.config().get("backward_layer") : layer.config().get("layer");
                        Map<?, ?> e = (Map<?, ?>) entry;
                        vars(file, layer.name(), (Group) g, dir + "_layer/cell/vars", (String) e.get("class_name"),
                                asConfig(e.get("config")), dir + "/", out);
                    }
                } else {
                    vars(file, layer.name(), (Group) g, "vars", layer.className(), layer.config(), "", out);
                    checkStoredName(file, layer.name(), key, (Group) g);
                }
                return out;
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asConfig(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Layer name to its group key under {@code layers/}, following Keras 3's container naming. */
    static Map<String, String> storageKeys(KerasConfigParser.Topology topology, boolean sequential) {
        Map<String, Integer> counters = new HashMap<>();
        Map<String, String> out = new HashMap<>();
        for (KerasConfigParser.RawLayer l : topology.layers()) {
            if (sequential && l.className().equals("InputLayer")) {
                continue;
            }
            String base = snakeCase(l.className());
            int n = counters.merge(base, 1, Integer::sum) - 1;
            out.put(l.name(), n == 0 ? base : base + "_" + n);
        }
        return out;
    }

    /** Keras' {@code naming.to_snake_case}. */
    static String snakeCase(String className) {
        String s = className.replaceAll("\\W+", "");
        s = s.replaceAll("(.)([A-Z][a-z]+)", "$1_$2");
        s = s.replaceAll("([a-z])([A-Z])", "$1_$2");
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String> paramOrder(String cls, Map<String, Object> cfg) {
        boolean bias = !Boolean.FALSE.equals(cfg.get("use_bias"));
        List<String> names = new ArrayList<>();
        switch (cls) {
            case "Dense", "Conv1D", "Conv2D" -> names.add("kernel");
            case "Embedding" -> {
                names.add("embeddings");
                return names;
            }
            case "SimpleRNN", "LSTM", "GRU" -> {
                names.add("kernel");
                names.add("recurrent_kernel");
            }
            default -> {
                return names;
            }
        }
        if (bias) {
            names.add("bias");
        }
        return names;
    }

    private static void vars(Path file, String layer, Group g, String relPath, String cls, Map<String, Object> cfg,
            String prefix, Map<String, WeightArray> out) {
        Node node = Hdf5Support.child(file, g, relPath);
        if (node == null) {
            return;
        }
        if (!(node instanceof Group vars)) {
            throw new ModelFormatException(file, layer, relPath + " is not a group");
        }
        List<String> order = paramOrder(cls, cfg);
        int count = Hdf5Support.guard(file, layer, () -> vars.getChildren().size());
        if (count > order.size()) {
            throw new ModelFormatException(file, layer, cls + " stores " + count + " variables in " + relPath
                    + " but expects " + order.size() + " (" + String.join(", ", order) + ")");
        }
        for (int i = 0; i < count; i++) {
            Node ds = Hdf5Support.child(file, vars, String.valueOf(i));
            if (ds == null) {
                throw new ModelFormatException(file, layer, relPath + " has no variable '" + i + "'");
            }
            SpecAssembler.putUnique(file, layer, out, prefix + order.get(i), Hdf5Support.floatDataset(file, layer, ds));
        }
    }

    /**
     * Keras 3.15 and later also record the layer name as a string attribute {@code name} on each
     * {@code vars} group; where it is present it must agree with the layer the key was assigned to.
     */
    private static void checkStoredName(Path file, String layer, String key, Group g) {
        Node vars = Hdf5Support.child(file, g, "vars");
        if (vars == null || Hdf5Support.guard(file, layer, () -> vars.getAttribute("name")) == null) {
            return;
        }
        String stored = Hdf5Support.stringAttribute(file, vars, "name");
        if (stored != null && !stored.equals(layer)) {
            throw new ModelFormatException(file, layer, "weights group layers/" + key + " is named '" + stored
                    + "' in model.weights.h5, but the architecture assigns it to layer '" + layer + "'");
        }
    }

    private static void requireEmpty(Path file, String layer, Group g, String relPath) {
        Node node = Hdf5Support.child(file, g, relPath);
        if (node instanceof Group vars && Hdf5Support.guard(file, layer, () -> vars.getChildren().size()) > 0) {
            throw new ModelFormatException(file, layer, "unexpected variables in " + relPath
                    + " (RNN weights belong to the cell)");
        }
    }

    private static void checkEntries(Path file, ZipFile zip) {
        int n = 0;
        long maxEntries = Limits.ZIP_ENTRIES.value();
        Enumeration<? extends ZipEntry> en = zip.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            if (++n > maxEntries) {
                throw Limits.exceeded(file, "the entry count", Limits.ZIP_ENTRIES,
                        maxEntries);
            }
            String name = e.getName();
            if (name.startsWith("/") || name.contains("\\") || name.contains(":") || name.contains("\0")) {
                throw new ModelFormatException(file, null, "archive entry '" + name + "' has an unsafe path");
            }
            for (String part : name.split("/")) {
                if (part.equals("..")) {
                    throw new ModelFormatException(file, null, "archive entry '" + name + "' has an unsafe path");
                }
            }
        }
    }

    private static byte[] entry(Path file, ZipFile zip, String name, SizeLimit setting, boolean required)
            throws IOException {
        long limit = Limits.bytes(setting);
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) {
            if (required) {
                throw new ModelFormatException(file, null, "archive has no " + name + "; not a Keras 3 .keras file");
            }
            return null;
        }
        if (e.getSize() > limit) {
            throw Limits.exceeded(file, name + " of " + e.getSize() + " bytes", setting, limit);
        }
        long ratio = ArchiveLimits.RATIO.value();
        if (e.getSize() > ArchiveLimits.RATIO_FLOOR_BYTES && e.getSize() / Math.max(1, e.getCompressedSize()) > ratio) {
            throw Limits.exceeded(file, name + "'s compression ratio (" + e.getSize() + " bytes from "
                    + e.getCompressedSize() + " compressed, a zip bomb?)", ArchiveLimits.RATIO, ratio);
        }
        try (InputStream in = zip.getInputStream(e)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int r;
            while ((r = in.read(buf)) > 0) {
                total += r;
                if (total > limit) { // the declared size may lie
                    throw Limits.exceeded(file, name + " as it inflates", setting, limit);
                }
                if (e.getSize() >= 0 && total > e.getSize()) {
                    throw new ModelFormatException(file, null, name + " inflates to more than its declared "
                            + e.getSize() + " bytes");
                }
                out.write(buf, 0, r);
            }
            return out.toByteArray();
        }
    }
}
