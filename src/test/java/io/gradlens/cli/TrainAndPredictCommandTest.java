package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.io.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train} then {@code predict} end to end, and exit code 2 with one line for bad input. */
class TrainAndPredictCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path tinyTextSet() throws Exception {
        StringBuilder csv = new StringBuilder("text,label\n");
        String[] good = {"great film", "loved it", "wonderful acting", "great fun", "really loved the film"};
        String[] bad = {"awful film", "hated it", "terrible acting", "awful mess", "really hated the film"};
        for (int r = 0; r < 4; r++) {
            for (String g : good) {
                csv.append(g).append(",1\n");
            }
            for (String b : bad) {
                csv.append(b).append(",0\n");
            }
        }
        Path file = dir.resolve("tiny.csv");
        Files.writeString(file, csv);
        return file;
    }

    @Test
    void trainPrintsOneJsonLinePerEpochAndWritesABundlePredictReads() throws Exception {
        Path model = dir.resolve("tiny.gradlens");
        CliRun train = CliRun.of("train", "--dataset", tinyTextSet().toString(), "--arch", "gru", "--epochs", "3",
                "--embedding-dim", "8", "--units", "8", "--batch-size", "8", "--lr", "0.05", "--seed", "1",
                "--out", model.toString());
        assertEquals(0, train.exitCode(), train.err());
        List<String> lines = train.out().lines().toList();
        assertEquals(3, lines.size(), train.out());
        for (int i = 0; i < 3; i++) {
            JsonNode epoch = JSON.readTree(lines.get(i));
            assertEquals(i + 1, epoch.get("epoch").asInt());
            for (String key : List.of("loss", "accuracy", "val_loss", "val_accuracy")) {
                assertTrue(epoch.get(key).isNumber(), key + " in " + lines.get(i));
            }
        }
        assertTrue(JSON.readTree(lines.get(2)).get("accuracy").asDouble() > 0.9, train.out());
        assertEquals("gru", ModelBundle.read(model).provenance().get("architecture"));

        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--text", "Great FILM!");
        assertEquals(0, predict.exitCode(), predict.err());
        JsonNode p = JSON.readTree(predict.out());
        assertEquals(List.of("great", "film", "!"), JSON.convertValue(p.get("tokens"), List.class));
        assertEquals(3, p.get("token_ids").size());
        assertEquals(1, p.get("predicted").asInt());
        assertEquals(1.0, p.get("probabilities").get(0).asDouble() + p.get("probabilities").get(1).asDouble(), 1e-6);
    }

    @Test
    void sameSeedGivesTheSameWeights() throws Exception {
        Path data = tinyTextSet();
        Path a = dir.resolve("a.gradlens");
        Path b = dir.resolve("b.gradlens");
        for (Path out : List.of(a, b)) {
            CliRun run = CliRun.of("train", "--dataset", data.toString(), "--arch", "lstm", "--epochs", "1",
                    "--embedding-dim", "4", "--units", "4", "--seed", "7", "--out", out.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
        ModelBundle.read(a).network().parameters().forEach((name, w) ->
                assertEquals(w.value(), uncheckedRead(b).network().parameters().get(name).value(), name));
    }

    private static io.gradlens.nn.Classifier uncheckedRead(Path p) {
        try {
            return ModelBundle.read(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertBadInput(CliRun run, String expected) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(expected), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void badInputExitsWithCodeTwoAndOneLine() throws Exception {
        assertBadInput(CliRun.of("train", "--dataset", "no-such-set", "--out", dir.resolve("x").toString()),
                "'no-such-set' is neither a file nor a built-in dataset");
        assertBadInput(CliRun.of("train", "--dataset", tinyTextSet().toString(), "--arch", "cnn", "--out",
                dir.resolve("x").toString()), "architecture 'cnn' does not take text");
        assertBadInput(CliRun.of("train", "--dataset", tinyTextSet().toString(), "--epochs", "0", "--out",
                dir.resolve("x").toString()), "epochs must be at least 1");
        Path broken = dir.resolve("broken.gradlens");
        Files.writeString(broken, "{}");
        assertBadInput(CliRun.of("predict", "--model", broken.toString(), "--text", "hi"),
                "broken.gradlens: is not a zip archive");
        assertBadInput(CliRun.of("predict", "--model", dir.resolve("missing.gradlens").toString(), "--text", "hi"),
                "missing.gradlens: no such model file");
        assertBadInput(CliRun.of("predict", "--text", "hi"), "Missing required option: '--model=<model>'");
    }

    @Test
    void anEditListFromTheWorkbenchFeedsTheConstrainedTraining() throws Exception {
        Path data = tinyTextSet();
        Path model = dir.resolve("rrr.gradlens");
        String[] base = {"train", "--dataset", data.toString(), "--arch", "lstm", "--epochs", "1", "--embedding-dim",
                "4", "--units", "4", "--rrr-lambda", "10", "--mask", "dataset", "--out", model.toString()};
        assertBadInput(CliRun.of(base), "carries no token masks");

        Path edits = io.gradlens.data.edits.DatasetEditFile.besideDataset(data);
        io.gradlens.data.edits.DatasetEditFile.write(edits, io.gradlens.data.edits.DatasetEdits.of(List.of(
                new io.gradlens.data.edits.DatasetEdit.MaskWord("film"))));
        List<String> withEdits = new java.util.ArrayList<>(List.of(base));
        withEdits.addAll(List.of("--edits", edits.toString()));
        CliRun run = CliRun.of(withEdits.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(JSON.readTree(run.out().lines().findFirst().orElseThrow()).get("saliency_loss").isNumber(),
                run.out());

        io.gradlens.data.edits.DatasetEditFile.write(edits, io.gradlens.data.edits.DatasetEdits.of(List.of(
                new io.gradlens.data.edits.DatasetEdit.Exclude(new io.gradlens.data.edits.ExampleRef(
                        io.gradlens.data.edits.Split.TRAIN, 0, 0x1234)))));
        assertBadInput(CliRun.of(withEdits.toArray(String[]::new)), "edit 1 (exclude train #0)");
        withEdits.set(withEdits.size() - 1, dir.resolve("none.tsv").toString());
        assertBadInput(CliRun.of(withEdits.toArray(String[]::new)), "none.tsv: no such edit list");
    }

    @Test
    void textWithoutTokensIsRefused() throws Exception {
        Path model = dir.resolve("t.gradlens");
        assertEquals(0, CliRun.of("train", "--dataset", tinyTextSet().toString(), "--epochs", "1", "--embedding-dim",
                "4", "--units", "4", "--out", model.toString()).exitCode());
        assertBadInput(CliRun.of("predict", "--model", model.toString(), "--text", "   "), "has no tokens to classify");
    }
}
