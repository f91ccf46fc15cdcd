package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every explanation command takes a Keras or TensorFlow.js model file as {@code --model}, and gives
 * what it gives for the same model imported into a {@code .gradlens} bundle ({@code gradlens
 * import}); a model of the wrong kind is exit 2 with a message naming the file and what the command
 * needs.
 */
class KerasModelCommandsTest {

    private static final Path CNN = Path.of("src/test/resources/keras/generated/conv2d_mnistlike");
    private static final Path GRU = Path.of("src/test/resources/keras/generated/embedding_gru");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void sensitivityOfAKerasImageModelEqualsThatOfItsBundle() throws Exception {
        Path bundle = imported(CNN.resolve("model.keras"), null);
        for (String file : List.of("model.keras", "model.h5", "model.json")) {
            CliRun keras = CliRun.of("sensitivity", "--model", CNN.resolve(file).toString(), "--dataset", "digits",
                    "--limit", "12", "--target", "3");
            CliRun gradlens = CliRun.of("sensitivity", "--model", bundle.toString(), "--dataset", "digits",
                    "--limit", "12", "--target", "3");
            assertEquals(0, keras.exitCode(), keras.err());
            assertEquals(withoutModel(gradlens.out()), withoutModel(keras.out()), file);
            assertEquals(12, JSON.readTree(keras.out()).get("rows").asInt());
            assertEquals("logprob[3]", JSON.readTree(keras.out()).get("output").asText());
        }
    }

    @Test
    void sanityOfAKerasImageModelEqualsThatOfItsBundle() throws Exception {
        Path bundle = imported(CNN.resolve("model.json"), null);
        String[] options = {"--dataset", "digits", "--limit", "5", "--seed", "4"};
        CliRun keras = CliRun.of(concat(List.of("sanity", "--model", CNN.resolve("model.json").toString()), options));
        CliRun gradlens = CliRun.of(concat(List.of("sanity", "--model", bundle.toString()), options));
        assertEquals(0, keras.exitCode(), keras.err());
        assertEquals(withoutModel(gradlens.out()), withoutModel(keras.out()));
        assertTrue(JSON.readTree(keras.out()).get("steps").size() >= 2, keras.out());
    }

    @Test
    void hiddenGradOfAKerasTextModelWithItsVocabularyEqualsThatOfItsBundle() throws Exception {
        Path words = wordList();
        Path bundle = imported(GRU.resolve("model.h5"), words);
        CliRun keras = CliRun.of("hidden-grad", "--model", GRU.resolve("model.h5").toString(), "--vocabulary",
                words.toString(), "--text", "good film bad plot");
        CliRun gradlens = CliRun.of("hidden-grad", "--model", bundle.toString(), "--text", "good film bad plot");
        assertEquals(0, keras.exitCode(), keras.err());
        assertEquals(withoutModel(gradlens.out()), withoutModel(keras.out()));
    }

    @Test
    void influenceOfAKerasImageModelEqualsThatOfItsBundle() throws Exception {
        Path bundle = imported(CNN.resolve("model.h5"), null);
        String[] options = {"--dataset", "digits", "--test-index", "2", "--top", "3", "--no-cache"};
        CliRun keras = CliRun.of(concat(List.of("influence", "--model", CNN.resolve("model.h5").toString()), options));
        CliRun gradlens = CliRun.of(concat(List.of("influence", "--model", bundle.toString()), options));
        assertEquals(0, keras.exitCode(), keras.err());
        assertEquals(withoutModel(gradlens.out()), withoutModel(keras.out()));
    }

    @Test
    void aModelOfTheWrongKindIsExitTwoSayingWhatTheCommandNeeds() throws Exception {
        CliRun cnn = CliRun.of("hidden-grad", "--model", CNN.resolve("model.keras").toString(), "--text", "hi");
        assertEquals(2, cnn.exitCode());
        assertEquals("gradlens hidden-grad: the model " + CNN.resolve("model.keras") + " reads images 8x8x1; it has "
                + "no recurrent layer, so there are no hidden states over time (the map needs a recurrent text model)",
                cnn.err().strip());
        for (String command : List.of("sanity", "influence", "hidden-grad")) {
            List<String> args = new ArrayList<>(List.of(command, "--model", "assets/models/price-model.gradlens",
                    "--dataset", "price"));
            if (command.equals("influence")) {
                args.add("--self");
            }
            CliRun price = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, price.exitCode(), price.err());
            assertEquals("gradlens " + command + ": price-model.gradlens is a multi-input regression model; "
                    + command + " needs a classifier", price.err().strip());
        }
        CliRun ids = CliRun.of("sensitivity", "--model", GRU.resolve("model.keras").toString(), "--dataset",
                "sentences");
        assertEquals(2, ids.exitCode());
        assertEquals("gradlens sensitivity: the model reads numeric tensors [6] but dataset 'sentences' holds no "
                + "images", ids.err().strip());
        CliRun text = CliRun.of("sensitivity", "--model", GRU.resolve("model.keras").toString(), "--vocabulary",
                wordList().toString(), "--dataset", "sentences");
        assertEquals(2, text.exitCode());
        assertTrue(text.err().contains("token ids have no gradient"), text.err());
        CliRun notAModel = CliRun.of("sensitivity", "--model", "pom.xml", "--dataset", "digits");
        assertEquals(2, notAModel.exitCode());
        assertEquals("gradlens sensitivity: pom.xml is not a model file GradLens opens; expected .gradlens, .h5, "
                + ".hdf5, .keras, .json (a .gradlens bundle, Keras or TensorFlow.js)", notAModel.err().strip());
    }

    @Test
    void predictAndSaliencyTakeTheVocabularyOfAKerasTextModel() throws Exception {
        Path words = wordList();
        CliRun withWords = CliRun.of("saliency", "--model", GRU.resolve("model.keras").toString(), "--vocab",
                words.toString(), "--text", "good film");
        assertEquals(0, withWords.exitCode(), withWords.err());
        JsonNode line = JSON.readTree(withWords.out());
        assertEquals("tokens", line.get("kind").asText());
        assertEquals(List.of("good", "film"), JSON.convertValue(line.get("tokens"), List.class));
        CliRun withoutWords = CliRun.of("predict", "--model", GRU.resolve("model.keras").toString(), "--text",
                "good film");
        assertEquals(2, withoutWords.exitCode());
        assertTrue(withoutWords.err().contains("--text needs a text model; this model reads numeric tensors"),
                withoutWords.err());
    }

    /** A word list for the GRU's embedding: line i is id i (0 padding, 1 OOV). */
    private Path wordList() throws Exception {
        Path words = dir.resolve("words.txt");
        Files.writeString(words, "<pad>\n<oov>\ngood\nfilm\nbad\nplot\n");
        return words;
    }

    private Path imported(Path model, Path vocabulary) {
        Path out = dir.resolve(model.getFileName() + ".gradlens");
        List<String> args = new ArrayList<>(List.of("import", model.toString(), "--out", out.toString()));
        if (vocabulary != null) {
            args.addAll(List.of("--vocab", vocabulary.toString()));
        }
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run.err());
        return out;
    }

    /**
     * Every JSON value written (lines or one document) without the fields that must differ: the
     * model's file name and timings.
     */
    private static List<JsonNode> withoutModel(String out) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        try (var values = JSON.readerFor(JsonNode.class).<JsonNode>readValues(out)) {
            while (values.hasNext()) {
                JsonNode node = values.next();
                if (node instanceof ObjectNode o) {
                    // The model path, timings and the process's memory peak (VmHWM, which only grows
                    // within one JVM) are facts of the run, not of the result.
                    o.remove(List.of("model", "precompute_seconds", "query_ms", "memory"));
                }
                lines.add(node);
            }
        }
        return lines;
    }

    private static String[] concat(List<String> head, String[] tail) {
        List<String> all = new ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }
}
