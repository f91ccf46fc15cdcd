package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.format.Npy;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code gradlens import} and {@code predict --input-npy} on the committed fixtures. */
class ImportCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path fixture(String relative) throws URISyntaxException {
        return Path.of(ImportCommandTest.class.getResource("/keras/" + relative).toURI());
    }

    private static INDArray array(JsonNode node, DataType dtype) {
        long[] shape = new long[node.get("shape").size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = node.get("shape").get(i).asLong();
        }
        double[] v = new double[node.get("data").size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get("data").get(i).asDouble();
        }
        return Nd4j.create(v, shape, 'c').castTo(dtype);
    }

    @Test
    void importThenPredictFromNpyPrintsTheKerasOutputs() throws Exception {
        Path out = tmp.resolve("conv.gradlens");
        CliRun imported = CliRun.of("import", fixture("generated/conv1d_functional/model.keras").toString(),
                "--out", out.toString(), "--classes", "left,right");
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("head: softmax, outputs [left, right]"), imported.out());
        assertTrue(Files.isRegularFile(out));

        JsonNode expected = JSON.readTree(fixture("generated/conv1d_functional/expected.json").toFile());
        Path npy = tmp.resolve("x.npy");
        Files.write(npy, Npy.write(array(expected.get("input"), DataType.FLOAT)));
        CliRun predicted = CliRun.of("predict", "--model", out.toString(), "--input-npy", npy.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        String[] lines = predicted.out().strip().split("\n");
        assertEquals(2, lines.length);
        INDArray want = array(expected.get("output"), DataType.DOUBLE);
        for (int i = 0; i < 2; i++) {
            JsonNode line = JSON.readTree(lines[i]);
            assertEquals(i, line.get("index").asInt());
            for (int k = 0; k < 2; k++) {
                assertEquals(want.getDouble(i, k), line.get("outputs").get(k).asDouble(), 1e-5);
                assertEquals(want.getDouble(i, k), line.get("probabilities").get(k).asDouble(), 1e-5);
            }
            assertTrue(line.get("predicted_class").asText().matches("left|right"));
        }
    }

    @Test
    void textModelWithoutVocabularyReadsIdsAndSaysSo() throws Exception {
        Path out = tmp.resolve("gru.gradlens");
        CliRun imported = CliRun.of("import", fixture("generated/embedding_gru/model.json").toString(), "--out",
                out.toString());
        assertEquals(0, imported.exitCode(), imported.err());
        assertTrue(imported.out().contains("note: text model (first layer Embedding 'embedding') imported without "
                + "a vocabulary"), imported.out());
        Path npy = tmp.resolve("ids.npy");
        Files.write(npy, Npy.write(Nd4j.createFromArray(new int[][] {{31, 11, 11, 10, 18, 44}})));
        CliRun predicted = CliRun.of("predict", "--model", out.toString(), "--input-npy", npy.toString());
        assertEquals(0, predicted.exitCode(), predicted.err());
        JsonNode expected = JSON.readTree(fixture("generated/embedding_gru/expected.json").toFile());
        JsonNode line = JSON.readTree(predicted.out().strip());
        assertEquals(expected.get("output").get("data").get(0).asDouble(), line.get("outputs").get(0).asDouble(),
                1e-5);
    }

    @Test
    void badInputsExitTwoWithOneLine() throws Exception {
        Path bogus = tmp.resolve("m.h5");
        Files.write(bogus, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        CliRun bad = CliRun.of("import", bogus.toString(), "--out", tmp.resolve("x.gradlens").toString());
        assertEquals(2, bad.exitCode());
        assertEquals(1, bad.err().strip().split("\n").length, bad.err());
        assertTrue(bad.err().startsWith("gradlens import: " + bogus + ": file does not start with the HDF5 "
                + "signature"), bad.err());

        Path out = tmp.resolve("conv.gradlens");
        assertEquals(0, CliRun.of("import", fixture("generated/conv1d_functional/model.h5").toString(), "--out",
                out.toString()).exitCode());
        Path npy = tmp.resolve("wrong.npy");
        Files.write(npy, Npy.write(Nd4j.zeros(DataType.FLOAT, 2, 9, 3)));
        CliRun wrong = CliRun.of("predict", "--model", out.toString(), "--input-npy", npy.toString());
        assertEquals(2, wrong.exitCode());
        assertTrue(wrong.err().contains("array shape [2, 9, 3] does not fit the model input [batch, 10, 3]"),
                wrong.err());
    }

    @Test
    void predictTextPrintsTheOutputsOfARegressionModel() throws Exception {
        io.gradlens.nn.Sequential net = io.gradlens.nn.Sequential.builder(new long[] {-1}, DataType.FLOAT, 1)
                .add("embedding", "embedding", java.util.Map.of("input_dim", 4, "output_dim", 3))
                .add("lstm", "lstm", java.util.Map.of("units", 2))
                .add("dense", "score", java.util.Map.of("units", 1))
                .build();
        io.gradlens.nn.Classifier model = new io.gradlens.nn.Classifier(net, new io.gradlens.nn.InputSpec.Tokens(
                io.gradlens.data.Vocabulary.of(java.util.List.of("good", "bad"))), java.util.List.of("score"),
                java.util.Map.of(), io.gradlens.nn.Classifier.Head.LINEAR);
        Path bundle = tmp.resolve("score.gradlens");
        io.gradlens.io.ModelBundle.write(model, bundle);
        CliRun run = CliRun.of("predict", "--model", bundle.toString(), "--text", "good bad");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode line = JSON.readTree(run.out().strip());
        double expected = model.outputs(io.gradlens.autodiff.Tensor.constant(
                Nd4j.createFromArray(new int[][] {{2, 3}}))).getDouble(0, 0);
        assertEquals(expected, line.get("outputs").get(0).asDouble(), 1e-6);
        assertTrue(!line.has("probabilities"), run.out());
    }
}
