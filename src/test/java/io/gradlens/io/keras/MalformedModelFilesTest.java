package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Broken or unsupported files give one clear exception naming the file and the layer. */
class MalformedModelFilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static ModelFormatException fails(Executable e) {
        return assertThrows(ModelFormatException.class, e);
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message lacks \"" + p + "\": " + message);
        }
    }

    /** Copies a generated TF.js model into the temp dir, rewriting model.json. */
    private Path tfjsCopy(String model, UnaryOperator<ObjectNode> edit) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(model));
        Files.copy(Fixtures.generated(model, "weights.bin"), dir.resolve("weights.bin"));
        ObjectNode json = (ObjectNode) JSON.readTree(Fixtures.generated(model, "model.json").toFile());
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(edit.apply(json)));
        return dir.resolve("model.json");
    }

    private static ObjectNode layerConfig(ObjectNode modelJson, String layer) {
        for (JsonNode l : modelJson.at("/modelTopology/config/layers")) {
            if (layer.equals(l.at("/config/name").asText())) {
                return (ObjectNode) l;
            }
        }
        throw new IllegalArgumentException(layer);
    }

    // ------------------------------------------------------------------ corrupt containers

    @Test
    void truncatedHdf5() throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.real("lstm_functional_tf_keras_2.h5"));
        for (int keep : new int[] {all.length * 2 / 3, all.length / 3, 2100, 600, 100}) {
            Path cut = tmp.resolve("cut_" + keep + ".h5");
            Files.write(cut, Arrays.copyOf(all, keep));
            ModelFormatException e = fails(() -> KerasModelFiles.read(cut));
            contains(e.getMessage(), cut.toString());
            assertTrue(e.getMessage().contains("corrupt or truncated") || e.getMessage().contains("missing"),
                    "kept " + keep + " bytes: " + e.getMessage());
            assertEquals(cut, e.file());
        }
    }

    @Test
    void notAnHdf5FileDespiteExtension() throws IOException {
        Path f = tmp.resolve("model.h5");
        Files.writeString(f, "this is not a model");
        contains(fails(() -> KerasModelFiles.read(f)).getMessage(), f.toString(), "HDF5 signature");
    }

    @Test
    void truncatedKerasZip() throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.generated("embedding_lstm", "model.keras"));
        Path cut = tmp.resolve("cut.keras");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        contains(fails(() -> KerasModelFiles.read(cut)).getMessage(), cut.toString(), "zip");
    }

    @Test
    void truncatedWeightsInsideKerasZip() throws IOException {
        Path f = kerasCopy("embedding_lstm", Map.of("model.weights.h5", b -> Arrays.copyOf(b, b.length / 2)));
        contains(fails(() -> Keras3Reader.read(f)).getMessage(), f.toString(), "model.weights.h5");
    }

    @Test
    void zipEntryWithParentPathIsRefused() throws IOException {
        Path f = kerasCopy("embedding_lstm", Map.of());
        Path evil = tmp.resolve("evil.keras");
        try (ZipFile in = new ZipFile(f.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(evil))) {
            copyEntries(in, out, Map.of());
            out.putNextEntry(new ZipEntry("../../outside.txt"));
            out.write("x".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        contains(fails(() -> Keras3Reader.read(evil)).getMessage(), evil.toString(), "../../outside.txt", "unsafe path");
    }

    @Test
    void tfjsShardOutsideModelDirectoryIsRefused() throws IOException {
        Path json = tfjsCopy("embedding_lstm", j -> {
            ((ArrayNode) j.at("/weightsManifest/0/paths")).removeAll().add("../embedding_lstm/weights.bin");
            return j;
        });
        contains(fails(() -> TfjsLayersReader.read(json)).getMessage(), json.toString(), "leaves the directory");
    }

    @Test
    void tfjsNonFloatWeightsAreRefused() throws IOException {
        Path json = tfjsCopy("embedding_lstm", j -> {
            ((ObjectNode) j.at("/weightsManifest/0/weights/0")).put("dtype", "int32");
            return j;
        });
        ModelFormatException e = fails(() -> TfjsLayersReader.read(json));
        assertInstanceOf(UnsupportedModelException.class, e);
        contains(e.getMessage(), json.toString(), "layer 'embedding'", "int32", "only float32");
    }

    @Test
    void tfjsShortShardIsReported() throws IOException {
        Path json = tfjsCopy("embedding_lstm", j -> j);
        Path bin = json.resolveSibling("weights.bin");
        byte[] b = Files.readAllBytes(bin);
        Files.write(bin, Arrays.copyOf(b, b.length - 8));
        contains(fails(() -> TfjsLayersReader.read(json)).getMessage(), json.toString(), "truncated");
    }

    // ------------------------------------------------------------------ missing / mis-shaped weights

    @Test
    void missingWeightInTfjsManifest() throws IOException {
        // Drop the last weight (dense/bias) from the manifest and its 3 floats from the shard.
        Path json = tfjsCopy("embedding_lstm", j -> {
            ArrayNode ws = (ArrayNode) j.at("/weightsManifest/0/weights");
            ws.remove(ws.size() - 1);
            return j;
        });
        Path bin = json.resolveSibling("weights.bin");
        byte[] b = Files.readAllBytes(bin);
        Files.write(bin, Arrays.copyOf(b, b.length - 12));
        ModelFormatException e = fails(() -> TfjsLayersReader.read(json));
        contains(e.getMessage(), json.toString(), "layer 'dense'", "missing weight 'bias'", "[3]");
        assertEquals("dense", e.layer());
    }

    @Test
    void missingWeightsForALayerInHdf5() throws IOException {
        // Architecture with one more Dense than the weights file has.
        ObjectNode config = k2Config("embedding_lstm");
        ArrayNode layers = (ArrayNode) config.at("/config/layers");
        ObjectNode extra = layers.get(layers.size() - 1).deepCopy();
        ((ObjectNode) extra.get("config")).put("name", "dense_extra");
        layers.add(extra);
        Path cfg = tmp.resolve("arch.json");
        Files.writeString(cfg, JSON.writeValueAsString(config));
        Path h5 = Fixtures.generated("embedding_lstm", "model.h5");
        ModelFormatException e = fails(() -> Keras2H5Reader.read(h5, cfg));
        contains(e.getMessage(), h5.toString(), "layer 'dense_extra'", "missing weight 'kernel'");
    }

    @Test
    void lstmUnitsDisagreeWithKernelShapeHdf5() throws IOException {
        ObjectNode config = k2Config("embedding_lstm");
        for (JsonNode l : config.at("/config/layers")) {
            if (l.get("class_name").asText().equals("LSTM")) {
                ((ObjectNode) l.get("config")).put("units", 7);
            }
        }
        Path cfg = tmp.resolve("arch.json");
        Files.writeString(cfg, JSON.writeValueAsString(config));
        Path h5 = Fixtures.generated("embedding_lstm", "model.h5");
        ModelFormatException e = fails(() -> Keras2H5Reader.read(h5, cfg));
        contains(e.getMessage(), h5.toString(), "layer 'lstm'", "LSTM weight 'kernel' has shape [8, 24]",
                "implies [*, 28]", "units=7");
    }

    @Test
    void denseUnitsDisagreeWithKernelShapeTfjs() throws IOException {
        Path json = tfjsCopy("conv2d_mnistlike", j -> {
            ((ObjectNode) layerConfig(j, "dense").get("config")).put("units", 9);
            return j;
        });
        contains(fails(() -> TfjsLayersReader.read(json)).getMessage(), json.toString(), "layer 'dense'",
                "[4, 10]", "[*, 9]");
    }

    @Test
    void conv2dKernelSizeDisagreesWithKernelShapeKeras3() throws IOException {
        Path f = kerasCopy("conv2d_mnistlike", Map.of("config.json", b -> editJson(b, root -> {
            for (JsonNode l : root.at("/config/layers")) {
                if (l.at("/config/name").asText().equals("conv2d_1")) {
                    ((ObjectNode) l.get("config")).set("kernel_size", JSON.valueToTree(List.of(5, 5)));
                }
            }
        })));
        contains(fails(() -> Keras3Reader.read(f)).getMessage(), f.toString(), "layer 'conv2d_1'",
                "[3, 3, 4, 4]", "[5, 5, *, 4]");
    }

    @Test
    void gruResetAfterDisagreesWithBiasShape() throws IOException {
        ObjectNode config = k2Config("embedding_gru");
        for (JsonNode l : config.at("/config/layers")) {
            if (l.get("class_name").asText().equals("GRU")) {
                ((ObjectNode) l.get("config")).put("reset_after", true);
            }
        }
        Path cfg = tmp.resolve("arch.json");
        Files.writeString(cfg, JSON.writeValueAsString(config));
        Path h5 = Fixtures.generated("embedding_gru", "model.h5");
        contains(fails(() -> Keras2H5Reader.read(h5, cfg)).getMessage(), "layer 'gru'", "bias", "[15]", "[2, 15]");
    }

    // ------------------------------------------------------------------ unsupported content

    @Test
    void lambdaLayerIsRefusedWithoutRunningIt() throws IOException {
        Path json = tfjsCopy("conv2d_mnistlike", j -> {
            ObjectNode l = layerConfig(j, "flatten");
            l.put("class_name", "Lambda");
            ((ObjectNode) l.get("config")).put("function", "4wEAAAAAAAAAAQAAAAQAAABTAAAAcwgAAAB8AGQBFABTACkCTg==");
            return j;
        });
        ModelFormatException e = fails(() -> KerasModelFiles.read(json));
        assertInstanceOf(UnsupportedModelException.class, e);
        contains(e.getMessage(), json.toString(), "layer 'flatten'", "layer class 'Lambda'", "Python code",
                "supported layer classes: Activation, Bidirectional, Conv1D, Conv2D, Dense, Dropout, Embedding, Flatten,"
                        + " GRU, GlobalAveragePooling1D, GlobalAveragePooling2D, GlobalMaxPooling1D,"
                        + " GlobalMaxPooling2D, InputLayer, LSTM, Masking, MaxPooling1D, MaxPooling2D, SimpleRNN");
    }

    @Test
    void customKeras3ClassIsRefused() throws IOException {
        Path f = kerasCopy("conv1d_functional", Map.of("config.json", b -> editJson(b, root -> {
            for (JsonNode l : root.at("/config/layers")) {
                if (l.get("name").asText().equals("dense")) {
                    ((ObjectNode) l).put("class_name", "MyDense").put("module", "my_package.layers")
                            .put("registered_name", "Custom>MyDense");
                }
            }
        })));
        ModelFormatException e = fails(() -> KerasModelFiles.read(f));
        assertInstanceOf(UnsupportedModelException.class, e);
        contains(e.getMessage(), f.toString(), "layer 'dense'", "'Custom>MyDense'", "custom");
    }

    @Test
    void keras3ClassFromAUserModuleIsRefused() throws IOException {
        Path f = kerasCopy("conv1d_functional", Map.of("config.json", b -> editJson(b, root -> {
            for (JsonNode l : root.at("/config/layers")) {
                if (l.get("name").asText().equals("dense_1")) {
                    ((ObjectNode) l).put("module", "my_package.layers");
                }
            }
        })));
        ModelFormatException e = fails(() -> KerasModelFiles.read(f));
        assertInstanceOf(UnsupportedModelException.class, e);
        contains(e.getMessage(), "layer 'dense_1'", "'my_package.layers.Dense'");
    }

    @Test
    void keras3LayerMissingFromArchitectureButStoredIsReported() throws IOException {
        // Rename the second Dense's class so its weights under layers/dense_1 belong to no layer.
        Path f = kerasCopy("conv1d_functional", Map.of("config.json", b -> editJson(b, root -> {
            for (JsonNode l : root.at("/config/layers")) {
                if (l.get("name").asText().equals("dense_1")) {
                    ((ObjectNode) l).put("class_name", "Activation");
                    ObjectNode c = (ObjectNode) l.get("config");
                    c.remove("units");
                }
            }
        })));
        contains(fails(() -> Keras3Reader.read(f)).getMessage(), f.toString(), "layers/dense_1");
    }

    @Test
    void unknownActivationIsRefused() throws IOException {
        Path json = tfjsCopy("embedding_lstm", j -> {
            ((ObjectNode) layerConfig(j, "dense").get("config")).put("activation", "gelu");
            return j;
        });
        ModelFormatException e = fails(() -> TfjsLayersReader.read(json));
        assertInstanceOf(UnsupportedModelException.class, e);
        contains(e.getMessage(), json.toString(), "layer 'dense'", "activation 'gelu' is not supported",
                "supported activations: hard_sigmoid, linear, relu, sigmoid, softmax, tanh");
    }

    @Test
    void unknownRecurrentActivationInsideBidirectionalIsRefused() throws IOException {
        Path json = tfjsCopy("bidirectional_lstm", j -> {
            ((ObjectNode) layerConfig(j, "bidirectional").at("/config/layer/config")).put("recurrent_activation", "swish");
            return j;
        });
        contains(fails(() -> TfjsLayersReader.read(json)).getMessage(), "layer 'bidirectional'",
                "recurrent_activation 'swish'");
    }

    @Test
    void channelsFirstIsRefused() throws IOException {
        Path json = tfjsCopy("conv2d_mnistlike", j -> {
            ((ObjectNode) layerConfig(j, "conv2d").get("config")).put("data_format", "channels_first");
            return j;
        });
        contains(fails(() -> TfjsLayersReader.read(json)).getMessage(), "layer 'conv2d'", "channels_first");
    }

    @Test
    void keras3LegacyBidirectionalWithCollidingWeightNamesIsRefused() {
        Path f = Fixtures.generated("bidirectional_lstm", "model_keras3_legacy.h5");
        ModelFormatException e = fails(() -> KerasModelFiles.read(f));
        contains(e.getMessage(), f.toString(), "layer 'bidirectional'", "not distinct", "one direction is lost",
                ".keras");
    }

    @Test
    void unknownFileKind() throws IOException {
        Path f = tmp.resolve("notes.txt");
        Files.writeString(f, "hello");
        contains(fails(() -> KerasModelFiles.read(f)).getMessage(), f.toString(), "unknown model format");
        Path missing = tmp.resolve("absent.h5");
        contains(fails(() -> KerasModelFiles.read(missing)).getMessage(), missing.toString(), "no such file");
    }

    @Test
    void weightsOnlyReadWithSeparateArchitecture() throws IOException {
        Path cfg = tmp.resolve("arch.json");
        Files.writeString(cfg, JSON.writeValueAsString(k2Config("bidirectional_lstm")));
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.generated("bidirectional_lstm", "model.h5"), cfg);
        KerasModelSpec full = Keras2H5Reader.read(Fixtures.generated("bidirectional_lstm", "model.h5"));
        assertEquals(full.allWeights(), spec.allWeights());
    }

    // ------------------------------------------------------------------ helpers

    private static ObjectNode k2Config(String model) throws IOException {
        JsonNode j = JSON.readTree(Fixtures.generated(model, "model.json").toFile());
        ObjectNode t = (ObjectNode) j.get("modelTopology").deepCopy();
        t.remove("keras_version");
        t.remove("backend");
        return t;
    }

    private static byte[] editJson(byte[] bytes, java.util.function.Consumer<JsonNode> edit) {
        try {
            JsonNode root = JSON.readTree(bytes);
            edit.accept(root);
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a generated .keras archive, replacing entries through the given functions. */
    private Path kerasCopy(String model, Map<String, UnaryOperator<byte[]>> edits) throws IOException {
        Path out = tmp.resolve(model + "-" + System.nanoTime() + ".keras");
        try (ZipFile in = new ZipFile(Fixtures.generated(model, "model.keras").toFile());
                ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
            copyEntries(in, zos, edits);
        }
        return out;
    }

    private static void copyEntries(ZipFile in, ZipOutputStream out, Map<String, UnaryOperator<byte[]>> edits)
            throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Enumeration<? extends ZipEntry> en = in.entries();
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            try (InputStream is = in.getInputStream(e)) {
                ByteArrayOutputStream bos = new ByteArrayOutputStream();
                is.transferTo(bos);
                entries.put(e.getName(), bos.toByteArray());
            }
        }
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] data = edits.getOrDefault(e.getKey(), UnaryOperator.identity()).apply(e.getValue());
            out.putNextEntry(new ZipEntry(e.getKey()));
            out.write(data);
            out.closeEntry();
        }
    }
}
