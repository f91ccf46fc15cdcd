package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files written by tools/fixtures/make-fixtures.mjs: the three formats of each model parse to
 * the same layers and bit-identical weights, and a reference forward pass over the parsed weights
 * reproduces TF.js' recorded outputs and gradients.
 */
class GeneratedFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static List<String> expectedClasses(String model) {
        return switch (model) {
            case "embedding_lstm" -> List.of("Embedding", "LSTM", "Dense");
            case "embedding_gru", "embedding_gru_reset_after" -> List.of("Embedding", "GRU", "Dense");
            case "simplernn_sequences" -> List.of("SimpleRNN", "GlobalAveragePooling1D", "Dense");
            case "conv2d_mnistlike" -> List.of("Conv2D", "Conv2D", "Conv2D", "MaxPooling2D", "Flatten", "Dropout", "Dense");
            case "conv1d_functional" -> List.of("Conv1D", "GlobalMaxPooling1D", "Dense", "Dense");
            case "bidirectional_lstm" -> List.of("Bidirectional", "Dense");
            default -> throw new IllegalArgumentException(model);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding_lstm", "embedding_gru", "embedding_gru_reset_after", "simplernn_sequences",
        "conv2d_mnistlike", "conv1d_functional", "bidirectional_lstm"})
    void threeFormatsParseToTheSameSpec(String model) throws IOException {
        KerasModelSpec tfjs = KerasModelFiles.read(Fixtures.generated(model, "model.json"));
        KerasModelSpec h5 = KerasModelFiles.read(Fixtures.generated(model, "model.h5"));
        KerasModelSpec k3 = KerasModelFiles.read(Fixtures.generated(model, "model.keras"));
        assertEquals(KerasModelSpec.FORMAT_TFJS_LAYERS, tfjs.format());
        assertEquals(KerasModelSpec.FORMAT_KERAS2_H5, h5.format());
        assertEquals(KerasModelSpec.FORMAT_KERAS3, k3.format());
        assertTrue(k3.hardSigmoidIsKeras3());

        for (KerasModelSpec spec : List.of(tfjs, h5, k3)) {
            List<String> classes = spec.computeLayers().stream().map(KerasLayerSpec::className).toList();
            assertEquals(expectedClasses(model), classes, spec.format());
            assertEquals(1, spec.inputNames().size());
            assertEquals("InputLayer", spec.layers().get(0).className());
        }
        // Same layer names, inbound edges (apart from the Sequential input's name) and weights, bit for bit.
        List<KerasLayerSpec> a = tfjs.computeLayers();
        for (KerasModelSpec other : List.of(h5, k3)) {
            List<KerasLayerSpec> b = other.computeLayers();
            assertEquals(a.size(), b.size());
            for (int i = 0; i < a.size(); i++) {
                assertEquals(a.get(i).name(), b.get(i).name(), other.format());
                if (i > 0) {
                    assertEquals(a.get(i).inboundLayers(), b.get(i).inboundLayers(), other.format());
                }
                assertEquals(List.copyOf(a.get(i).weights().keySet()), List.copyOf(b.get(i).weights().keySet()),
                        other.format() + " " + a.get(i).name());
                for (Map.Entry<String, WeightArray> e : a.get(i).weights().entrySet()) {
                    assertEquals(e.getValue(), b.get(i).weight(e.getKey()),
                            other.format() + " " + a.get(i).name() + "/" + e.getKey());
                }
            }
            assertEquals(tfjs.outputNames(), other.outputNames());
        }
        // And the weights are exactly the bytes of the TF.js shard, in manifest order.
        ByteBuffer raw = ByteBuffer.wrap(Files.readAllBytes(Fixtures.generated(model, "weights.bin")))
                .order(ByteOrder.LITTLE_ENDIAN);
        int total = 0;
        for (WeightArray w : tfjs.allWeights().values()) {
            for (int i = 0; i < w.size(); i++) {
                assertEquals(Float.floatToRawIntBits(raw.getFloat()), Float.floatToRawIntBits(w.get(i)));
            }
            total += w.size();
        }
        assertEquals(raw.capacity(), total * 4);
        assertFalse(tfjs.allWeights().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding_lstm", "embedding_gru", "embedding_gru_reset_after", "simplernn_sequences",
        "conv2d_mnistlike", "conv1d_functional", "bidirectional_lstm"})
    @SuppressWarnings("unchecked")
    void referenceForwardPassReproducesTfjsOutputsAndGradients(String model) throws IOException {
        JsonNode expected = JSON.readTree(Fixtures.generated(model, "expected.json").toFile());
        for (String file : List.of("model.json", "model.h5", "model.keras")) {
            KerasModelSpec spec = KerasModelFiles.read(Fixtures.generated(model, file));
            ReferenceOps.T input = tensor(expected.get("input"));
            List<Object> batchShape = (List<Object>) spec.layers().get(0).config().get("batch_input_shape");
            for (int d = 1; d < input.shape().length; d++) {
                assertEquals(input.shape()[d], ((Number) batchShape.get(d)).longValue(), "input dim " + d);
            }
            Map<String, ReferenceOps.T> outs = ReferenceOps.runAll(spec, spec.inputNames().get(0), input);
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("layerOutputs").fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                ReferenceOps.assertClose(tensor(e.getValue()).toFloat(), outs.get(e.getKey()).toFloat(), 2e-5,
                        file + " " + e.getKey());
            }
            ReferenceOps.assertClose(tensor(expected.get("output")).toFloat(),
                    outs.get(spec.outputNames().get(0)).toFloat(), 2e-5, file + " output");

            // Central differences of sum_b log p[b, argmax_b] w.r.t. the gradient's input.
            JsonNode g = expected.get("gradient");
            int[] classes = new int[g.get("argmax").size()];
            for (int i = 0; i < classes.length; i++) {
                classes[i] = g.get("argmax").get(i).asInt();
            }
            String start = "embedding_output".equals(g.get("wrt").asText()) ? g.get("layer").asText()
                    : spec.inputNames().get(0);
            ReferenceOps.T at = "embedding_output".equals(g.get("wrt").asText()) ? tensor(g.get("at")) : input;
            ReferenceOps.T grad = tensor(g);
            assertArrayEquals(at.shape(), grad.shape());
            double eps = 1e-4;
            for (int i = 0; i < at.v().length; i++) {
                double[] plus = at.v().clone();
                double[] minus = at.v().clone();
                plus[i] += eps;
                minus[i] -= eps;
                double fd = (objective(spec, start, new ReferenceOps.T(at.shape(), plus), classes)
                        - objective(spec, start, new ReferenceOps.T(at.shape(), minus), classes)) / (2 * eps);
                double tf = grad.v()[i];
                assertTrue(Math.abs(fd - tf) < 2e-3 * Math.max(1, Math.abs(tf)),
                        file + " gradient[" + i + "]: tfjs " + tf + " vs finite difference " + fd);
            }
        }
    }

    @org.junit.jupiter.api.Test
    @SuppressWarnings("unchecked")
    void keras3LegacyH5WithBareWeightNames() {
        // Layout of the .h5 files Keras 3 writes (bare weight names, datasets directly in the layer
        // group, explicit InputLayer with batch_shape, keras_version 3.x), as seen in real Keras 3.1 files.
        KerasModelSpec legacy = KerasModelFiles.read(Fixtures.generated("embedding_gru_reset_after",
                "model_keras3_legacy.h5"));
        KerasModelSpec tfjs = KerasModelFiles.read(Fixtures.generated("embedding_gru_reset_after", "model.json"));
        assertEquals("3.1.1", legacy.kerasVersion());
        assertEquals(KerasModelSpec.FORMAT_KERAS2_H5, legacy.format());
        assertTrue(legacy.hardSigmoidIsKeras3(), "Keras 3 wrote it, so hard_sigmoid has Keras 3 meaning");
        assertFalse(tfjs.hardSigmoidIsKeras3());
        assertEquals(List.of("input_layer", "embedding", "gru", "dense"),
                legacy.layers().stream().map(KerasLayerSpec::name).toList());
        List<Object> batch = (List<Object>) legacy.layers().get(0).config().get("batch_input_shape");
        assertEquals(6, ((Number) batch.get(1)).intValue());
        for (KerasLayerSpec l : tfjs.computeLayers()) {
            assertEquals(l.weights(), legacy.layer(l.name()).orElseThrow().weights(), l.name());
        }
    }

    @org.junit.jupiter.api.Test
    void gruVariantsAreTold() {
        KerasLayerSpec before = KerasModelFiles.read(Fixtures.generated("embedding_gru", "model.keras"))
                .layer("gru").orElseThrow();
        KerasLayerSpec after = KerasModelFiles.read(Fixtures.generated("embedding_gru_reset_after", "model.h5"))
                .layer("gru").orElseThrow();
        assertEquals(Boolean.FALSE, before.config().get("reset_after"));
        assertArrayEquals(new long[] {15}, before.weight("bias").shape());
        assertEquals(Boolean.TRUE, after.config().get("reset_after"));
        assertArrayEquals(new long[] {2, 15}, after.weight("bias").shape());
    }

    private static double objective(KerasModelSpec spec, String start, ReferenceOps.T at, int[] classes) {
        ReferenceOps.T p = ReferenceOps.runAll(spec, start, at).get(spec.outputNames().get(0));
        int n = p.dim(1);
        double s = 0;
        for (int b = 0; b < classes.length; b++) {
            s += Math.log(p.v()[b * n + classes[b]]);
        }
        return s;
    }

    static ReferenceOps.T tensor(JsonNode node) {
        JsonNode shapeNode = node.get("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        List<Double> values = new ArrayList<>();
        node.get("data").forEach(v -> values.add(v.asDouble()));
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return new ReferenceOps.T(shape, v);
    }
}
