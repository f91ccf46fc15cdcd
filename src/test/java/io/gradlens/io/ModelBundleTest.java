package io.gradlens.io;

import io.gradlens.format.Npz;
import io.gradlens.format.Npy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.Tensor;
import io.gradlens.data.Tokenizer;
import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The bundle round trip, numpy compatibility, and a clear message for every kind of damage. */
class ModelBundleTest {

    @TempDir
    Path dir;

    static Classifier textModel() {
        Vocabulary vocabulary = Vocabulary.of(List.of("good", "bad", "film", "<script>"));
        Sequential net = Sequential.builder(new long[] {-1}, DataType.FLOAT, 3)
                .add("embedding", Map.of("input_dim", vocabulary.size(), "output_dim", 4))
                .add("gru", Map.of("units", 5))
                .add("dense", Map.of("units", 2))
                .build();
        return new Classifier(net, new InputSpec.Tokens(vocabulary), List.of("neg", "pos"), Map.of("seed", 3));
    }

    static Classifier imageModel() {
        Sequential net = Sequential.builder(new long[] {6, 6, 1}, DataType.FLOAT, 4)
                .add("conv2d", Map.of("filters", 2, "kernel_size", 3, "activation", "relu"))
                .add("max_pool2d", Map.of("pool_size", 2))
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 3))
                .build();
        return new Classifier(net, new InputSpec.Image(6, 6, 1), List.of("a", "b", "c"), Map.of());
    }

    @Test
    void roundTripGivesIdenticalPredictions() throws IOException {
        Classifier text = textModel();
        Path file = dir.resolve("text.gradlens");
        ModelBundle.write(text, file);
        Classifier back = ModelBundle.read(file);
        Tensor ids = back.encodeText("good film, bad <script>");
        assertEquals(text.probabilities(ids), back.probabilities(ids));
        assertEquals(text.tokens().vocabulary().tokens(), back.tokens().vocabulary().tokens());
        assertEquals(List.of("neg", "pos"), back.classNames());
        assertEquals(3, back.provenance().get("seed"));

        Classifier image = imageModel();
        Path imageFile = dir.resolve("image.gradlens");
        ModelBundle.write(image, imageFile);
        Tensor x = Tensor.constant(Nd4j.rand(DataType.FLOAT, 2, 6, 6, 1));
        assertEquals(image.probabilities(x), ModelBundle.read(imageFile).probabilities(x));
    }

    @Test
    void npyBytesFollowTheNumpyFormat() {
        byte[] npy = Npy.write(Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c'));
        String header = new String(npy, 10, (npy[8] & 0xff) | (npy[9] & 0xff) << 8, StandardCharsets.ISO_8859_1);
        assertEquals(0, (10 + header.length()) % 64, "header padded to a multiple of 64");
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertEquals(Nd4j.create(new float[] {1, 2, 3, 4, 5, 6}, new long[] {2, 3}, 'c'), Npy.read(npy, "x"));
        byte[] vector = Npy.write(Nd4j.create(new double[] {1, 2}, new long[] {2}, 'c'));
        assertTrue(new String(vector, StandardCharsets.ISO_8859_1).contains("'shape': (2,)"));
    }

    @Test
    void weightsOpenWithNumpy() throws Exception {
        Path file = dir.resolve("m.gradlens");
        ModelBundle.write(textModel(), file);
        Path npz = dir.resolve("weights.npz");
        Files.write(npz, entries(file).get("weights.npz"));
        String script = "import numpy as np, sys; w = np.load(sys.argv[1]); "
                + "print(';'.join(k + '=' + 'x'.join(map(str, w[k].shape)) + ':' + str(w[k].dtype) for k in sorted(w)))";
        Process p;
        try {
            p = new ProcessBuilder("python3", "-c", script, npz.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("python3 is not installed: " + e.getMessage());
            return;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        Assumptions.assumeFalse(out.contains("No module named 'numpy'"), "numpy is not installed");
        assertEquals(0, p.exitValue(), out);
        assertEquals("dense_1/bias=2:float32;dense_1/kernel=5x2:float32;embedding_1/embeddings=6x4:float32;"
                + "gru_1/bias=2x15:float32;gru_1/kernel=4x15:float32;gru_1/recurrent_kernel=5x15:float32", out);
    }

    // ---- damage -------------------------------------------------------------------------------

    private static Map<String, byte[]> entries(Path bundle) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(bundle))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    private Path rewrite(Map<String, byte[]> entries, String name) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        Path file = dir.resolve(name);
        Files.write(file, bytes.toByteArray());
        return file;
    }

    private Map<String, byte[]> goodEntries() throws IOException {
        Path file = dir.resolve("good.gradlens");
        ModelBundle.write(textModel(), file);
        return entries(file);
    }

    private static String failure(Path file) {
        return assertThrows(IllegalArgumentException.class, () -> ModelBundle.read(file)).getMessage();
    }

    @Test
    void tokenizerOptionsRoundTripAndOldBundlesReadWithTheDefaults() throws IOException {
        Classifier plain = textModel();
        Tokenizer cased = Tokenizer.of(false, false, 2);
        Classifier custom = new Classifier(plain.network(), new InputSpec.Tokens(plain.tokens().vocabulary(), cased),
                plain.classNames(), plain.provenance());
        Path file = dir.resolve("cased.gradlens");
        ModelBundle.write(custom, file);
        Classifier read = ModelBundle.read(file);
        assertEquals(cased, read.tokens().tokenizer());
        assertEquals(List.of("Good", "film!"), read.tokens().tokens("Good film! bad"));

        Map<String, byte[]> e = entries(file);
        String json = new String(e.get("model.json"), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"tokenizer_options\" : {"), json);
        e.put("model.json", json.replaceAll("(?s),\\s*\"tokenizer_options\" : \\{[^}]*\\}", "")
                .getBytes(StandardCharsets.UTF_8));
        Classifier old = ModelBundle.read(rewrite(e, "old.gradlens"));
        assertEquals(Tokenizer.DEFAULT, old.tokens().tokenizer(), "a bundle without the options reads as before");
        assertEquals(Tokenizer.DEFAULT, ModelBundle.read(Path.of("assets/models/sentiment-lstm.gradlens")).tokens()
                .tokenizer());

        e.put("model.json", json.replace("\"max_tokens\" : 2", "\"max_tokens\" : -1").getBytes(StandardCharsets.UTF_8));
        assertEquals("neg.gradlens: model.json: 'max_tokens' must be 0 (no cap) or positive, got -1",
                failure(rewrite(e, "neg.gradlens")));
        e.put("model.json", json.replace("\"lowercase\" : false", "\"lowercase\" : \"no\"")
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("str.gradlens: model.json: 'lowercase' must be true or false, got no",
                failure(rewrite(e, "str.gradlens")));
    }

    @Test
    void notAZip() throws IOException {
        Path file = dir.resolve("junk.gradlens");
        Files.writeString(file, "not a model");
        assertEquals("junk.gradlens: is not a zip archive, or an empty one", failure(file));
    }

    @Test
    void truncatedFile() throws IOException {
        Path good = dir.resolve("t.gradlens");
        ModelBundle.write(textModel(), good);
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.gradlens");
        Files.write(cut, java.util.Arrays.copyOf(all, all.length / 2));
        String m = failure(cut);
        assertTrue(m.startsWith("cut.gradlens: "), m);
    }

    @Test
    void missingEntry() throws IOException {
        Map<String, byte[]> e = goodEntries();
        e.remove("weights.npz");
        assertEquals("nowts.gradlens: has no weights.npz entry; is it a GradLens model bundle?",
                failure(rewrite(e, "nowts.gradlens")));
    }

    @Test
    void unknownLayerType() throws IOException {
        Map<String, byte[]> e = goodEntries();
        e.put("model.json", new String(e.get("model.json"), StandardCharsets.UTF_8)
                .replace("\"type\" : \"gru\"", "\"type\" : \"transformer\"").getBytes(StandardCharsets.UTF_8));
        String m = failure(rewrite(e, "unknown.gradlens"));
        assertTrue(m.startsWith("unknown.gradlens: model.json: layer 'gru_1' has unknown type 'transformer'; known types: "),
                m);
    }

    @Test
    void wrongWeightShape() throws IOException {
        Map<String, byte[]> e = goodEntries();
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> w = new LinkedHashMap<>(
                Npz.read(e.get("weights.npz"), null, "weights.npz"));
        w.put("dense_1/kernel", Nd4j.zeros(DataType.FLOAT, 4, 2));
        e.put("weights.npz", Npz.write(w));
        assertEquals("shape.gradlens: weights.npz: weight 'dense_1/kernel' has shape [4, 2], the layer needs [5, 2]",
                failure(rewrite(e, "shape.gradlens")));
    }

    @Test
    void nanWeights() throws IOException {
        Map<String, byte[]> e = goodEntries();
        Map<String, org.nd4j.linalg.api.ndarray.INDArray> w = new LinkedHashMap<>(
                Npz.read(e.get("weights.npz"), null, "weights.npz"));
        w.put("gru_1/bias", Nd4j.valueArrayOf(new long[] {2, 15}, Double.NaN, DataType.FLOAT));
        e.put("weights.npz", Npz.write(w));
        assertEquals("nan.gradlens: weights.npz: weight 'gru_1/bias' contains NaN or infinite values",
                failure(rewrite(e, "nan.gradlens")));
    }

    @Test
    void vocabularyOfTheWrongSize() throws IOException {
        Map<String, byte[]> e = goodEntries();
        e.put("vocabulary.txt", "<pad>\n<oov>\ngood\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("vocab.gradlens: vocabulary.txt: has 3 tokens but model.json declares vocabulary_size 6",
                failure(rewrite(e, "vocab.gradlens")));
    }

    @Test
    void pathEscapingEntryIsRefused() throws IOException {
        Map<String, byte[]> e = goodEntries();
        e.put("../../evil.txt", new byte[] {1});
        assertEquals("slip.gradlens: ../../evil.txt: contains a path step '..'", failure(rewrite(e, "slip.gradlens")));
    }

    @Test
    void futureFormatVersionSaysToUpdate() throws IOException {
        Map<String, byte[]> e = goodEntries();
        e.put("model.json", new String(e.get("model.json"), StandardCharsets.UTF_8)
                .replace("\"format_version\" : 1", "\"format_version\" : 9").getBytes(StandardCharsets.UTF_8));
        assertEquals("v9.gradlens: model.json: format_version 9 is not supported by this GradLens (reads 1); "
                + "update GradLens", failure(rewrite(e, "v9.gradlens")));
    }
}
