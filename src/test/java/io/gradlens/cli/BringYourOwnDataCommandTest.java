package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.data.Tokenizer;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 end to end: a CSV of reviews with word labels (and a review with a line break inside
 * quotes) trains, predicts with class names, records names, order and tokenizer in the bundle;
 * column, delimiter and tokenizer options; an unknown class at predict time exits 2 naming it.
 */
class BringYourOwnDataCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] GOOD = {"great film", "loved it", "wonderful acting", "great fun",
        "really loved the film"};
    private static final String[] BAD = {"awful film", "hated it", "terrible acting", "awful mess",
        "really hated the film"};

    @TempDir
    Path dir;

    /** Reviews as {@code text,label} with labels positive/negative; the first review spans two lines. */
    private Path reviews() throws Exception {
        StringBuilder csv = new StringBuilder("text,label\n\"Great film,\nreally great\",positive\n");
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < GOOD.length; i++) {
                csv.append(GOOD[i]).append(",positive\n").append(BAD[i]).append(",negative\n");
            }
        }
        return Files.writeString(dir.resolve("reviews.csv"), csv);
    }

    private static CliRun train(Path data, Path model, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--dataset", data.toString(), "--arch", "gru",
                "--epochs", "3", "--embedding-dim", "8", "--units", "8", "--batch-size", "8", "--lr", "0.05",
                "--seed", "1", "--out", model.toString()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void wordLabelsTrainPredictWithNamesAndAreRecordedInTheBundle() throws Exception {
        Path data = reviews();
        Path model = dir.resolve("reviews.gradlens");
        CliRun trained = train(data, model);
        assertEquals(0, trained.exitCode(), trained.err());
        Classifier read = ModelBundle.read(model);
        assertEquals(List.of("negative", "positive"), read.classNames());
        assertEquals(Tokenizer.DEFAULT, read.tokens().tokenizer());
        @SuppressWarnings("unchecked")
        Map<String, Object> reading = (Map<String, Object>) read.provenance().get("dataset_reading");
        assertEquals("sorted", reading.get("class_order"));

        CliRun text = CliRun.of("predict", "--model", model.toString(), "--text", "loved it, great film");
        assertEquals(0, text.exitCode(), text.err());
        assertEquals("positive", JSON.readTree(text.out()).get("predicted_class").asText());

        int multiLine = 0;
        int examples = 0;
        for (String part : List.of("train", "test")) {
            CliRun split = CliRun.of("predict", "--model", model.toString(), "--dataset", data.toString(), "--split",
                    part);
            assertEquals(0, split.exitCode(), split.err());
            for (String line : split.out().lines().toList()) {
                JsonNode p = JSON.readTree(line);
                assertTrue(Set.of("negative", "positive").contains(p.get("predicted_class").asText()), line);
                assertEquals(p.get("label").asInt() == 1 ? "positive" : "negative", p.get("label_class").asText());
                multiLine += p.get("text").asText().equals("Great film,\nreally great") ? 1 : 0;
                examples++;
            }
        }
        assertEquals(41, examples, "40 one-line reviews and the two-line one");
        assertEquals(1, multiLine, "the review with a line break inside quotes is one example");
    }

    @Test
    void classesFixTheOrderAndAnUnknownClassAtPredictTimeExitsTwoNamingIt() throws Exception {
        Path data = reviews();
        Path model = dir.resolve("ordered.gradlens");
        CliRun trained = train(data, model, "--classes", "positive,negative");
        assertEquals(0, trained.exitCode(), trained.err());
        assertEquals(List.of("positive", "negative"), ModelBundle.read(model).classNames());

        Path other = Files.writeString(dir.resolve("other.csv"), "text,label\ngreat film,positive\nmeh,neutral\n");
        CliRun refused = CliRun.of("predict", "--model", model.toString(), "--dataset", other.toString());
        assertEquals(2, refused.exitCode(), refused.out());
        assertEquals("gradlens predict: other.csv line 3: label \"neutral\" is not one of the model's classes "
                + "[positive, negative] (or a class index 0..1)", refused.err().strip());

        Path first = dir.resolve("first.gradlens");
        assertEquals(0, train(data, first, "--class-order", "first-appearance").exitCode());
        assertEquals(List.of("positive", "negative"), ModelBundle.read(first).classNames());
        @SuppressWarnings("unchecked")
        Map<String, Object> reading = (Map<String, Object>) ModelBundle.read(first).provenance().get("dataset_reading");
        assertEquals("first_appearance", reading.get("class_order"));
    }

    @Test
    void columnsDelimiterAndTokenizerOptionsTravelWithTheModel() throws Exception {
        StringBuilder csv = new StringBuilder("id;review;sentiment\n");
        int id = 0;
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < GOOD.length; i++) {
                csv.append(id++).append(";\"").append(GOOD[i].toUpperCase()).append("!\";up\n");
                csv.append(id++).append(';').append(BAD[i]).append(";down\n");
            }
        }
        Path data = Files.writeString(dir.resolve("semi.csv"), csv);
        Path model = dir.resolve("cased.gradlens");
        CliRun trained = train(data, model, "--delimiter", ";", "--text-column", "review", "--label-column",
                "sentiment", "--id-column", "id", "--no-lowercase", "--no-split-punctuation", "--max-tokens", "2");
        assertEquals(0, trained.exitCode(), trained.err());
        Classifier read = ModelBundle.read(model);
        assertEquals(List.of("down", "up"), read.classNames());
        assertEquals(Tokenizer.of(false, false, 2), read.tokens().tokenizer());

        CliRun predict = CliRun.of("predict", "--model", model.toString(), "--text", "GREAT FILM! and more");
        assertEquals(0, predict.exitCode(), predict.err());
        assertEquals(List.of("GREAT", "FILM!"), JSON.convertValue(JSON.readTree(predict.out()).get("tokens"),
                List.class));

        CliRun onData = CliRun.of("predict", "--model", model.toString(), "--dataset", data.toString(),
                "--delimiter", ";", "--text-column", "review", "--label-column", "sentiment", "--limit", "3");
        assertEquals(0, onData.exitCode(), onData.err());
        for (String line : onData.out().lines().toList()) {
            assertTrue(JSON.readTree(line).get("tokens").size() <= 2, "the model's cap applies to the dataset: " + line);
        }
    }

    @Test
    void nestedJsonlKeysAndBadOptionsExitTwo() throws Exception {
        StringBuilder jsonl = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < GOOD.length; i++) {
                jsonl.append("{\"body\":{\"text\":\"").append(GOOD[i]).append("\"},\"meta\":{\"label\":\"pos\"}}\n");
                jsonl.append("{\"body\":{\"text\":\"").append(BAD[i]).append("\"},\"meta\":{\"label\":\"neg\"}}\n");
            }
        }
        Path data = Files.writeString(dir.resolve("nested.jsonl"), jsonl);
        Path model = dir.resolve("nested.gradlens");
        CliRun trained = train(data, model, "--text-column", "body.text", "--label-column", "meta.label");
        assertEquals(0, trained.exitCode(), trained.err());
        assertEquals(List.of("neg", "pos"), ModelBundle.read(model).classNames());

        CliRun badDelimiter = train(data, dir.resolve("x.gradlens"), "--delimiter", "ab");
        assertEquals(2, badDelimiter.exitCode());
        assertEquals("gradlens train: --delimiter 'ab': expected one character other than a quote or line break, "
                + "or 'tab'", badDelimiter.err().strip());
        CliRun badSize = train(data, dir.resolve("x.gradlens"), "--image-size", "28by28");
        assertEquals(2, badSize.exitCode());
        assertTrue(badSize.err().contains("--image-size: image size \"28by28\" is not WIDTHxHEIGHT"), badSize.err());
        assertTrue(Files.notExists(dir.resolve("x.gradlens")));
    }
}
