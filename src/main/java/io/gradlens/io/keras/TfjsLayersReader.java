package io.gradlens.io.keras;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads TensorFlow.js layers models: {@code model.json} ({@code format: "layers-model"}) whose
 * {@code modelTopology} is a Keras architecture and whose {@code weightsManifest} lists groups of
 * binary shards; each group's shards are concatenated and hold its weights back to back as
 * little-endian values in manifest order. Only float32, unquantised weights are accepted. Shard paths
 * must stay inside the directory of {@code model.json}.
 */
public final class TfjsLayersReader {

    private TfjsLayersReader() {}

    /**
     * @param modelJson the {@code model.json} file; shards are resolved next to it
     * @return the validated model description
     * @throws ModelFormatException if the model is not readable or not supported
     */
    public static KerasModelSpec read(Path modelJson) {
        Keras2H5Reader.requireFile(modelJson);
        String text;
        try {
            long size = Files.size(modelJson);
            long limit = Limits.JSON_BYTES.value();
            if (size > limit) {
                throw Limits.exceeded(modelJson, "model.json of " + size + " bytes", Limits.JSON_BYTES, limit);
            }
            text = Files.readString(modelJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModelFormatException(modelJson, null, "cannot read: " + e.getMessage(), e);
        }
        KerasConfigParser parser = new KerasConfigParser(modelJson);
        Map<String, Object> root = parser.asMap(parser.parseJson(text, "model.json"), null, "model.json");
        Object format = root.get("format");
        if (format != null && !"layers-model".equals(format)) {
            throw new UnsupportedModelException(modelJson, null, "TF.js format '" + format
                    + "' is not supported; only layers models (format \"layers-model\") can be imported");
        }
        Map<String, Object> topology = parser.asMap(root.get("modelTopology"), null, "modelTopology");
        String version = topology.get("keras_version") instanceof String v ? v
                : root.get("generatedBy") instanceof String g ? g : "";
        Object modelConfig = topology.containsKey("model_config") ? topology.get("model_config") : topology;
        KerasConfigParser.Topology parsed = parser.parse(modelConfig);
        KerasModelValidator.checkArchitecture(modelJson, parsed);

        Map<String, Map<String, WeightArray>> byLayer = readWeights(modelJson, parser, root, parsed);
        return SpecAssembler.assemble(modelJson, KerasModelSpec.FORMAT_TFJS_LAYERS, version, parsed,
                layer -> byLayer.getOrDefault(layer.name(), Map.of()));
    }

    private static Map<String, Map<String, WeightArray>> readWeights(Path modelJson, KerasConfigParser parser,
            Map<String, Object> root, KerasConfigParser.Topology topology) {
        Map<String, Map<String, WeightArray>> out = new HashMap<>();
        Object manifestObj = root.get("weightsManifest");
        if (manifestObj == null) {
            return out;
        }
        Path dir = modelJson.toAbsolutePath().getParent();
        for (Object groupObj : parser.asList(manifestObj, null, "weightsManifest")) {
            Map<String, Object> group = parser.asMap(groupObj, null, "weightsManifest group");
            List<Object> paths = parser.asList(group.get("paths"), null, "weightsManifest paths");
            List<Object> specs = parser.asList(group.get("weights"), null, "weightsManifest weights");
            // Check every spec before reading any shard.
            long needed = 0;
            for (Object specObj : specs) {
                Map<String, Object> spec = parser.asMap(specObj, null, "weight spec");
                String name = spec.get("name") instanceof String s ? s : null;
                if (name == null) {
                    throw new ModelFormatException(modelJson, null, "a weight spec has no name");
                }
                String layer = layerOf(modelJson, topology, name);
                if (spec.get("quantization") != null) {
                    throw new UnsupportedModelException(modelJson, layer, "weight '" + name
                            + "' is quantized; only float32 weights are supported");
                }
                Object dtype = spec.getOrDefault("dtype", "float32");
                if (!"float32".equals(dtype)) {
                    throw new UnsupportedModelException(modelJson, layer, "weight '" + name + "' has dtype " + dtype
                            + "; only float32 weights are supported");
                }
                needed += 4L * count(modelJson, layer, name, shape(modelJson, parser, layer, name, spec.get("shape")));
            }
            long limit = Limits.bytes(Limits.WEIGHT_BYTES);
            if (needed > limit) {
                throw Limits.exceeded(modelJson, "a weight group of " + needed + " bytes", Limits.WEIGHT_BYTES, limit);
            }
            ByteBuffer buf = readShards(modelJson, dir, paths, needed);
            for (Object specObj : specs) {
                Map<String, Object> spec = parser.asMap(specObj, null, "weight spec");
                String name = (String) spec.get("name");
                String layer = layerOf(modelJson, topology, name);
                long[] shape = shape(modelJson, parser, layer, name, spec.get("shape"));
                int n = (int) count(modelJson, layer, name, shape);
                float[] data = new float[n];
                buf.asFloatBuffer().get(data);
                buf.position(buf.position() + 4 * n);
                KerasConfigParser.RawLayer raw = topology.layer(layer);
                String key = SpecAssembler.paramKey(modelJson, layer, raw.className(), name);
                SpecAssembler.putUnique(modelJson, layer, out.computeIfAbsent(layer, k -> new LinkedHashMap<>()), key,
                        new WeightArray(shape, data));
            }
        }
        return out;
    }

    /** The layer a TF.js weight name belongs to: the longest layer name that prefixes it before a '/'. */
    private static String layerOf(Path file, KerasConfigParser.Topology topology, String weightName) {
        String best = null;
        for (KerasConfigParser.RawLayer l : topology.layers()) {
            if (weightName.startsWith(l.name() + "/") && (best == null || l.name().length() > best.length())) {
                best = l.name();
            }
        }
        if (best == null) {
            int slash = weightName.indexOf('/');
            throw new ModelFormatException(file, slash > 0 ? weightName.substring(0, slash) : weightName,
                    "weight '" + weightName + "' belongs to no layer of the architecture");
        }
        return best;
    }

    private static long[] shape(Path file, KerasConfigParser parser, String layer, String name, Object shapeObj) {
        List<Object> list = parser.asList(shapeObj, layer, "shape of weight '" + name + "'");
        long[] shape = new long[list.size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(list.get(i) instanceof Number n) || n.longValue() < 0) {
                throw new ModelFormatException(file, layer, "weight '" + name + "' has a malformed shape " + list);
            }
            shape[i] = n.longValue();
        }
        return shape;
    }

    private static long count(Path file, String layer, String name, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
            if (n > Integer.MAX_VALUE / 4) {
                throw new ModelFormatException(file, layer, "weight '" + name + "' is too large");
            }
        }
        return n;
    }

    private static ByteBuffer readShards(Path modelJson, Path dir, List<Object> paths, long needed) {
        List<Path> shards = new ArrayList<>();
        long held = 0;
        for (Object p : paths) {
            Path shard = shardPath(modelJson, dir, p);
            try {
                held += Files.size(shard);
            } catch (IOException e) {
                throw new ModelFormatException(modelJson, null, "cannot read shard '" + p + "': " + e.getMessage(), e);
            }
            shards.add(shard);
        }
        if (held != needed) { // checked before the weights' memory is taken
            throw new ModelFormatException(modelJson, null, "weight shards hold " + held + " bytes but the manifest needs "
                    + needed + (held < needed ? " (truncated shard?)" : ""));
        }
        byte[] all = new byte[(int) needed];
        int filled = 0;
        for (int i = 0; i < shards.size(); i++) {
            try (InputStream in = Files.newInputStream(shards.get(i))) {
                int r;
                while ((r = in.read(all, filled, Math.max(0, all.length - filled))) > 0) {
                    filled += r;
                }
                if (in.read() != -1) {
                    throw new ModelFormatException(modelJson, null, "weight shards hold more bytes than the manifest's "
                            + needed + " (at shard '" + paths.get(i) + "')");
                }
            } catch (IOException e) {
                throw new ModelFormatException(modelJson, null, "cannot read shard '" + paths.get(i) + "': "
                        + e.getMessage(), e);
            }
        }
        if (filled != needed) {
            throw new ModelFormatException(modelJson, null, "weight shards hold " + filled + " bytes but the manifest needs "
                    + needed + " (truncated shard?)");
        }
        return ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * The real path of one shard, which must be a regular file inside the real directory of
     * {@code model.json}: a path that climbs out, or a symbolic link (of the file or of a folder on
     * the way) that leads out, is refused.
     */
    private static Path shardPath(Path modelJson, Path dir, Object p) {
        if (!(p instanceof String rel) || rel.isEmpty()) {
            throw new ModelFormatException(modelJson, null, "malformed shard path " + p);
        }
        Path shard = dir.resolve(rel).normalize();
        if (rel.contains("\\") || rel.contains(":") || rel.startsWith("/") || List.of(rel.split("/")).contains("..")
                || !shard.startsWith(dir)) {
            throw new ModelFormatException(modelJson, null, "shard path '" + rel
                    + "' leaves the directory of model.json");
        }
        if (!Files.exists(shard)) {
            throw new ModelFormatException(modelJson, null, "weight shard '" + rel + "' is missing");
        }
        Path real;
        Path realDir;
        try {
            real = shard.toRealPath();
            realDir = dir.toRealPath();
        } catch (IOException e) {
            throw new ModelFormatException(modelJson, null, "cannot resolve shard '" + rel + "': " + e.getMessage(), e);
        }
        if (!real.startsWith(realDir)) {
            throw new ModelFormatException(modelJson, null, "shard path '" + rel + "' leaves the directory of model.json"
                    + " through a symbolic link (to " + real + ")");
        }
        if (!Files.isRegularFile(real)) {
            throw new ModelFormatException(modelJson, null, "weight shard '" + rel + "' is missing");
        }
        return real;
    }
}
