package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gradlens.autodiff.Tensor;
import io.gradlens.data.Vocabulary;
import io.gradlens.io.ModelBundle;
import io.gradlens.io.ModelFiles;
import io.gradlens.nn.Activation;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Heads, vocabularies, refusals and bundle round trips of imported models. */
class KerasImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    // ---- hand-made specs -------------------------------------------------------------------------

    private static WeightArray random(Random r, long... shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextDouble() - 0.5);
        }
        return new WeightArray(shape, v);
    }

    private static KerasLayerSpec input(String name, Object... dims) {
        List<Object> shape = new ArrayList<>();
        shape.add(null);
        shape.addAll(Arrays.asList(dims));
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("batch_input_shape", shape);
        return new KerasLayerSpec(name, "InputLayer", cfg, List.of(), Map.of());
    }

    private static KerasLayerSpec dense(String name, String inbound, int units, String activation, WeightArray kernel,
                                        WeightArray bias) {
        Map<String, WeightArray> w = new LinkedHashMap<>();
        w.put("kernel", kernel);
        w.put("bias", bias);
        return new KerasLayerSpec(name, "Dense", Map.of("units", units, "activation", activation), List.of(inbound), w);
    }

    private static KerasModelSpec chain(KerasLayerSpec... layers) {
        return new KerasModelSpec(KerasModelSpec.FORMAT_TFJS_LAYERS, "test", List.of(layers),
                List.of(layers[0].name()), List.of(layers[layers.length - 1].name()));
    }

    private static INDArray x(Random r, long... shape) {
        return Nd4j.rand(DataType.FLOAT, shape).subi(0.5).muli(4);
    }

    @Test
    void singleSigmoidBecomesTwoLogitsWithExactProbabilities() {
        Random r = new Random(1);
        WeightArray k = random(r, 4, 1);
        WeightArray b = random(r, 1);
        Classifier c = KerasImporter.importSpec(chain(input("in", 4), dense("out", "in", 1, "sigmoid", k, b)), null,
                KerasImporter.Options.defaults()).model();
        assertEquals(Classifier.Head.SOFTMAX, c.head());
        assertEquals(List.of("0", "1"), c.classNames());
        INDArray in = x(r, 3, 4);
        INDArray p = c.outputs(Tensor.constant(in));
        for (int i = 0; i < 3; i++) {
            double z = b.get(0);
            for (int j = 0; j < 4; j++) {
                z += in.getDouble(i, j) * k.get(j);
            }
            double s = 1 / (1 + Math.exp(-z));
            assertEquals(s, p.getDouble(i, 1), 1e-6);
            assertEquals(1 - s, p.getDouble(i, 0), 1e-6);
        }
    }

    @Test
    void multiLabelAndRegressionHeads() {
        Random r = new Random(2);
        WeightArray k = random(r, 4, 3);
        WeightArray b = random(r, 3);
        INDArray in = x(r, 2, 4);
        INDArray z = in.mmul(Nd4j.create(k.data(), k.shape(), DataType.FLOAT)).addRowVector(
                Nd4j.create(b.data(), b.shape(), DataType.FLOAT));

        Classifier multi = KerasImporter.importSpec(chain(input("in", 4), dense("out", "in", 3, "sigmoid", k, b)),
                null, KerasImporter.Options.defaults()).model();
        assertEquals(Classifier.Head.SIGMOID, multi.head());
        assertEquals(List.of("label_0", "label_1", "label_2"), multi.classNames());
        // the network ends in label logits, the outputs are their sigmoids
        assertTrue(multi.network().forward(Tensor.constant(in), ForwardContext.inference()).value()
                .equalsWithEps(z, 1e-5));
        assertTrue(multi.outputs(Tensor.constant(in)).equalsWithEps(
                org.nd4j.linalg.ops.transforms.Transforms.sigmoid(z, true), 1e-6));

        Classifier reg = KerasImporter.importSpec(chain(input("in", 4), dense("out", "in", 3, "linear", k, b)),
                null, KerasImporter.Options.defaults()).model();
        assertEquals(Classifier.Head.LINEAR, reg.head());
        assertTrue(reg.outputs(Tensor.constant(in)).equalsWithEps(z, 1e-5));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reg.probabilities(Tensor.constant(in)));
        assertTrue(e.getMessage().contains("not class probabilities"), e.getMessage());

        Classifier logits = KerasImporter.importSpec(chain(input("in", 4), dense("out", "in", 3, "linear", k, b)),
                null, new KerasImporter.Options(null, List.of("a", "b", "c"), true)).model();
        assertEquals(Classifier.Head.SOFTMAX, logits.head());
        assertEquals(List.of("a", "b", "c"), logits.classNames());
    }

    @Test
    void headsSurviveTheBundle() throws IOException {
        Random r = new Random(3);
        Classifier multi = KerasImporter.importSpec(chain(input("in", 4), dense("out", "in", 3, "sigmoid",
                random(r, 4, 3), random(r, 3))), null, KerasImporter.Options.defaults()).model();
        Path f = tmp.resolve("m.gradlens");
        ModelBundle.write(multi, f);
        Classifier back = ModelFiles.open(f);
        assertEquals(Classifier.Head.SIGMOID, back.head());
        INDArray in = x(r, 2, 4);
        assertEquals(multi.outputs(Tensor.constant(in)), back.outputs(Tensor.constant(in)));
    }

    @Test
    void kernelThatDoesNotFitThePreviousLayerIsNamed() {
        Random r = new Random(4);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> KerasImporter.importSpec(
                chain(input("in", 4), dense("out", "in", 3, "softmax", random(r, 5, 3), random(r, 3))),
                Path.of("m.h5"), KerasImporter.Options.defaults()));
        assertEquals("m.h5: layer 'out': Dense: weight 'kernel' has shape [5, 3] but on its input shape [4] the "
                + "layer needs [4, 3]", e.getMessage());
    }

    @Test
    void branchingGraphIsRefusedNamingTheLayer() {
        Random r = new Random(5);
        KerasModelSpec spec = new KerasModelSpec(KerasModelSpec.FORMAT_KERAS2_H5, "2.2.4", List.of(
                input("in", 4),
                dense("a", "in", 3, "relu", random(r, 4, 3), random(r, 3)),
                dense("b", "in", 3, "relu", random(r, 4, 3), random(r, 3)),
                dense("c", "a", 2, "softmax", random(r, 3, 2), random(r, 2))),
                List.of("in"), List.of("c"));
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> KerasImporter.importSpec(spec, Path.of("g.h5"), KerasImporter.Options.defaults()));
        assertTrue(e.getMessage().startsWith("g.h5: layer 'in': InputLayer feeds 2 layers [a, b]: the model "
                + "branches"), e.getMessage());
        assertEquals("in", e.layer());
    }

    @Test
    void keras3HardSigmoidIsRelu6Form() {
        Tensor t = Tensor.of(new float[] {-4f, -3f, 0f, 1.5f, 3f, 4f}, 6);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 0.75f, 1f, 1f},
                Activation.HARD_SIGMOID_KERAS3.apply(t).value().toFloatVector(), 1e-7f);
        assertArrayEquals(new float[] {0f, 0f, 0.5f, 0.8f, 1f, 1f},
                Activation.HARD_SIGMOID.apply(t).value().toFloatVector(), 1e-7f);
    }

    // ---- files -----------------------------------------------------------------------------------

    @Test
    void truncatedHdf5IsACleanMessage() throws IOException {
        byte[] all = Files.readAllBytes(Fixtures.generated("embedding_lstm", "model.h5"));
        Path f = tmp.resolve("cut.h5");
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importFile(f, KerasImporter.Options.defaults()));
        assertTrue(e.getMessage().startsWith(f + ": corrupt or truncated HDF5 file"), e.getMessage());
    }

    /** Copies a generated TF.js model, letting {@code edit} change model.json; returns the new model.json. */
    private Path tfjsCopy(String model, java.util.function.Consumer<ObjectNode> edit, int dropTrailingBytes)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(model + "-" + System.nanoTime()));
        ObjectNode json = (ObjectNode) JSON.readTree(Fixtures.generated(model, "model.json").toFile());
        edit.accept(json);
        Files.writeString(dir.resolve("model.json"), JSON.writeValueAsString(json));
        byte[] bin = Files.readAllBytes(Fixtures.generated(model, "weights.bin"));
        Files.write(dir.resolve("weights.bin"), Arrays.copyOf(bin, bin.length - dropTrailingBytes));
        return dir.resolve("model.json");
    }

    private static ArrayNode layers(ObjectNode json) {
        ObjectNode topo = (ObjectNode) json.get("modelTopology");
        if (topo.has("model_config")) {
            topo = (ObjectNode) topo.get("model_config");
        }
        return (ArrayNode) topo.get("config").get("layers");
    }

    @Test
    void missingWeightIsNamed() throws IOException {
        // Drop the last weight (the Dense bias, 3 floats) from the manifest and the shard.
        Path f = tfjsCopy("embedding_lstm", json -> {
            ArrayNode weights = (ArrayNode) json.get("weightsManifest").get(0).get("weights");
            weights.remove(weights.size() - 1);
        }, 12);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importFile(f, KerasImporter.Options.defaults()));
        assertTrue(e.getMessage().contains("layer 'dense'") && e.getMessage().contains("missing weight 'bias'"),
                e.getMessage());
    }

    @Test
    void shapeMismatchIsNamed() throws IOException {
        Path f = tfjsCopy("embedding_lstm", json -> {
            for (var l : layers(json)) {
                if ("Dense".equals(l.get("class_name").asText())) {
                    ((ObjectNode) l.get("config")).put("units", 4);
                }
            }
        }, 0);
        ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> KerasImporter.importFile(f, KerasImporter.Options.defaults()));
        assertTrue(e.getMessage().contains("layer 'dense'") && e.getMessage().contains("has shape [6, 3]"),
                e.getMessage());
    }

    @Test
    void unsupportedLayerIsNamedWithItsClassAndTheSupportedList() throws IOException {
        Path f = tfjsCopy("conv2d_mnistlike", json -> {
            for (var l : layers(json)) {
                if ("Flatten".equals(l.get("class_name").asText())) {
                    ((ObjectNode) l).put("class_name", "LayerNormalization");
                }
            }
        }, 0);
        UnsupportedModelException e = assertThrows(UnsupportedModelException.class,
                () -> KerasImporter.importFile(f, KerasImporter.Options.defaults()));
        assertTrue(e.getMessage().contains("layer 'flatten") && e.getMessage().contains("'LayerNormalization'")
                && e.getMessage().contains("supported layer classes: Activation, Bidirectional"), e.getMessage());
    }

    // ---- vocabularies ----------------------------------------------------------------------------

    private static String tokenizerJson(String oov, Map<String, Integer> wordIndex) throws IOException {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("num_words", null);
        cfg.put("lower", true);
        cfg.put("char_level", false);
        cfg.put("oov_token", oov);
        cfg.put("word_index", JSON.writeValueAsString(wordIndex));
        return JSON.writeValueAsString(Map.of("class_name", "Tokenizer", "config", cfg));
    }

    @Test
    void kerasTokenizerMapsIdsExactly() throws IOException {
        Map<String, Integer> wi = new LinkedHashMap<>();
        wi.put("<OOV>", 1);
        wi.put("the", 2);
        wi.put("movie", 3);
        wi.put("great", 4);
        KerasVocabulary.Loaded v = KerasVocabulary.fromTokenizerJson(tokenizerJson("<OOV>", wi), 6, "tok.json");
        assertEquals(List.of(Vocabulary.PAD_TOKEN, Vocabulary.OOV_TOKEN, "the", "movie", "great", "<unused_5>"),
                v.vocabulary().tokens());
        assertEquals(List.of("1 embedding rows have no word (placeholders <unused_i>)"), v.notes());
        KerasVocabulary.Loaded cut = KerasVocabulary.fromTokenizerJson(tokenizerJson("<OOV>", wi), 4, "tok.json");
        assertEquals(List.of(Vocabulary.PAD_TOKEN, Vocabulary.OOV_TOKEN, "the", "movie"), cut.vocabulary().tokens());
        assertEquals(Vocabulary.OOV, cut.vocabulary().id("great"));

        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> KerasVocabulary.fromTokenizerJson(tokenizerJson(null, Map.of("the", 1, "movie", 2)), 3, "t.json"));
        assertTrue(none.getMessage().startsWith("t.json: the tokenizer has no oov_token"), none.getMessage());
        Map<String, Integer> late = new LinkedHashMap<>();
        late.put("the", 1);
        late.put("<OOV>", 2);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> KerasVocabulary.fromTokenizerJson(tokenizerJson("<OOV>", late), 3, "t.json"));
        assertTrue(wrong.getMessage().contains("needs the OOV token at id 1"), wrong.getMessage());
    }

    @Test
    void wordListAndTextModelWithoutVocabulary() throws IOException {
        Path words = tmp.resolve("words.txt");
        List<String> lines = new ArrayList<>(List.of("", "[UNK]"));
        for (int i = 2; i < 50; i++) {
            lines.add("w" + i);
        }
        Files.write(words, lines);
        KerasImporter.Result withVocab = KerasImporter.importFile(Fixtures.generated("embedding_lstm", "model.h5"),
                words, null, false);
        assertEquals(InputSpec.Tokens.class, withVocab.model().input().getClass());
        assertEquals(7, withVocab.model().tokens().vocabulary().id("w7"));

        KerasImporter.Result without = KerasImporter.importFile(Fixtures.generated("embedding_lstm", "model.h5"),
                KerasImporter.Options.defaults());
        assertEquals(InputSpec.Numeric.class, without.model().input().getClass());
        assertTrue(without.notes().stream().anyMatch(n -> n.startsWith("text model (first layer Embedding "
                + "'embedding') imported without a vocabulary")), without.notes().toString());

        Path small = tmp.resolve("small.txt");
        Files.write(small, lines.subList(0, 10));
        KerasImporter.Result padded = KerasImporter.importFile(Fixtures.generated("embedding_lstm", "model.h5"),
                small, null, false);
        assertEquals(50, padded.model().tokens().vocabulary().size());
    }

    @Test
    void importedLstmTextModelRoundTripsThroughABundle() throws IOException {
        Path words = tmp.resolve("words.txt");
        List<String> lines = new ArrayList<>(List.of("<pad>", "<oov>"));
        for (int i = 2; i < 50; i++) {
            lines.add("word" + i);
        }
        Files.write(words, lines);
        Classifier imported = KerasImporter.importFile(Fixtures.generated("embedding_lstm", "model.keras"), words,
                List.of("neg", "neutral", "pos"), false).model();
        Path f = tmp.resolve("lstm.gradlens");
        ModelBundle.write(imported, f);
        Classifier back = ModelFiles.open(f);
        assertEquals(List.of("neg", "neutral", "pos"), back.classNames());
        assertEquals(imported.tokens().vocabulary().tokens(), back.tokens().vocabulary().tokens());
        INDArray ids = Nd4j.createFromArray(new int[][] {{25, 26, 30, 29, 42, 26}, {4, 26, 30, 22, 24, 42}});
        assertEquals(imported.outputs(Tensor.constant(ids)), back.outputs(Tensor.constant(ids)));
        assertEquals(imported.probabilities(back.encodeText("word25 word26 nothing")),
                back.probabilities(back.encodeText("word25 word26 nothing")));
        // The Keras embedding has mask_zero=False: that survives too.
        assertEquals(false, back.network().layer(0).config().get("mask_zero"));
    }

    @Test
    void bidirectionalRespectsPaddingAndRecordsBothDirections() {
        Random r = new Random(7);
        Map<String, WeightArray> bw = new LinkedHashMap<>();
        for (String dir : List.of("forward/", "backward/")) {
            bw.put(dir + "kernel", random(r, 3, 16));
            bw.put(dir + "recurrent_kernel", random(r, 4, 16));
            bw.put(dir + "bias", random(r, 16));
        }
        Map<String, Object> lstm = new LinkedHashMap<>();
        lstm.put("class_name", "LSTM");
        lstm.put("config", Map.of("units", 4, "activation", "tanh", "recurrent_activation", "sigmoid",
                "return_sequences", false));
        KerasModelSpec spec = chain(
                input("in", null, 3),
                new KerasLayerSpec("mask", "Masking", Map.of("mask_value", 0.0), List.of("in"), Map.of()),
                new KerasLayerSpec("bi", "Bidirectional", Map.of("merge_mode", "concat", "layer", lstm),
                        List.of("mask"), bw),
                dense("out", "bi", 2, "softmax", random(r, 8, 2), random(r, 2)));
        Classifier c = KerasImporter.importSpec(spec, null, KerasImporter.Options.defaults()).model();
        INDArray real = x(r, 1, 3, 3);
        INDArray post = Nd4j.zeros(DataType.FLOAT, 1, 5, 3);
        INDArray pre = Nd4j.zeros(DataType.FLOAT, 1, 5, 3);
        for (int t = 0; t < 3; t++) {
            post.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(t))
                    .assign(real.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(t)));
            pre.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0), org.nd4j.linalg.indexing.NDArrayIndex.point(t + 2))
                    .assign(real.get(org.nd4j.linalg.indexing.NDArrayIndex.point(0),
                            org.nd4j.linalg.indexing.NDArrayIndex.point(t)));
        }
        INDArray expected = c.outputs(Tensor.constant(real));
        assertTrue(expected.equalsWithEps(c.outputs(Tensor.constant(post)), 1e-6), "post-padding changes nothing");
        assertTrue(expected.equalsWithEps(c.outputs(Tensor.constant(pre)), 1e-6), "pre-padding changes nothing");
        ForwardContext ctx = ForwardContext.inference();
        c.network().forward(Tensor.constant(post), ctx);
        assertEquals(5, ctx.states("bi/forward/h").size());
        assertEquals(5, ctx.states("bi/backward/h").size());
        // backward state at step 0 (original order) has read the whole row: it is the final backward state,
        // which is the second half of the merged output.
        INDArray merged = ctx.output("bi").value();
        assertTrue(merged.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(4, 8)).equalsWithEps(
                ctx.states("bi/backward/h").get(0).value(), 1e-7));
        assertTrue(merged.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)).equalsWithEps(
                ctx.states("bi/forward/h").get(4).value(), 1e-7));
    }

    @Test
    void bidirectionalSequencesAreZeroAtPaddingAndRealStepsMatchTheUnpaddedRow() {
        Random r = new Random(8);
        Map<String, WeightArray> bw = new LinkedHashMap<>();
        for (String dir : List.of("forward/", "backward/")) {
            bw.put(dir + "kernel", random(r, 2, 9));
            bw.put(dir + "recurrent_kernel", random(r, 3, 9));
            bw.put(dir + "bias", random(r, 2, 9));
        }
        Map<String, Object> gru = new LinkedHashMap<>();
        gru.put("class_name", "GRU");
        gru.put("config", Map.of("units", 3, "activation", "tanh", "recurrent_activation", "sigmoid",
                "return_sequences", true, "reset_after", true));
        KerasModelSpec spec = chain(
                input("in", null, 2),
                new KerasLayerSpec("mask", "Masking", Map.of("mask_value", 0.0), List.of("in"), Map.of()),
                new KerasLayerSpec("bi", "Bidirectional", Map.of("merge_mode", "sum", "layer", gru),
                        List.of("mask"), bw));
        Classifier c = KerasImporter.importSpec(spec, null, KerasImporter.Options.defaults()).model();
        assertEquals(Classifier.Head.LINEAR, c.head());
        INDArray real = x(r, 1, 2, 2);
        INDArray padded = Nd4j.concat(1, real, Nd4j.zeros(DataType.FLOAT, 1, 2, 2));
        INDArray a = c.outputs(Tensor.constant(real));
        INDArray b = c.outputs(Tensor.constant(padded));
        assertTrue(a.equalsWithEps(b.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 2), org.nd4j.linalg.indexing.NDArrayIndex.all()),
                1e-6));
        assertEquals(0.0, b.get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(2, 4), org.nd4j.linalg.indexing.NDArrayIndex.all())
                .norm1Number().doubleValue(), 0.0);
    }

    @Test
    void importedBidirectionalRoundTripsThroughABundle() throws IOException {
        Classifier imported = KerasImporter.importFile(Fixtures.generated("bidirectional_lstm", "model.h5"),
                KerasImporter.Options.defaults()).model();
        Path f = tmp.resolve("bi.gradlens");
        ModelBundle.write(imported, f);
        Classifier back = ModelFiles.open(f);
        INDArray in = x(new Random(9), 2, 5, 3);
        assertEquals(imported.outputs(Tensor.constant(in)), back.outputs(Tensor.constant(in)));
        assertEquals(imported.network().architecture(), back.network().architecture());
    }

    @Test
    void keras3LegacyBidirectionalIsRefusedAndSubclassedKeras3Too() {
        ModelFormatException legacy = assertThrows(ModelFormatException.class, () -> ModelFiles.open(
                Fixtures.generated("bidirectional_lstm", "model_keras3_legacy.h5")));
        assertTrue(legacy.getMessage().contains("layer 'bidirectional'"), legacy.getMessage());
        assertThrows(UnsupportedModelException.class, () -> ModelFiles.open(
                Fixtures.resource("real3/pre_pr22362_nested_container.keras")));
    }
}
