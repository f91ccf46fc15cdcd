package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.io.ModelBundle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --init} continues from the init bundle's vocabulary and class names (issue #20): with
 * another {@code --limit} the vocabulary rebuilt from the data would hold the same number of words in
 * another order, and weights loaded by shape would point the embedding rows at other words.
 */
class TrainInitCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SENTENCES = List.of("not good, a waste of money", "great fun",
            "really loved the film", "awful boring mess", "superb acting but a boring plot");

    @TempDir
    Path dir;

    /** Early rows use other words than later ones, so the first rows' word counts order a vocabulary differently. */
    private Path textSet(String name, int classes) throws Exception {
        String[][] early = {{"great fun", "awful mess"}, {"superb acting", "boring plot"}, {"fine", "meh"}};
        String[][] late = {{"really loved the film", "a waste of money"}, {"good film, loved it", "not good at all"},
            {"the film was fine", "meh, the film"}};
        StringBuilder csv = new StringBuilder("text,label\n");
        for (String[][] block : List.of(early, late)) {
            for (int r = 0; r < 6; r++) {
                for (int c = 0; c < classes; c++) {
                    for (String[] row : block) {
                        csv.append('"').append(row[c % row.length]).append(" ").append(block == late ? "" : "x")
                                .append("\",").append(c).append('\n');
                    }
                }
            }
        }
        Path file = dir.resolve(name);
        Files.writeString(file, csv);
        return file;
    }

    private static String[] train(Path data, Path out, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--dataset", data.toString(), "--arch", "gru",
                "--embedding-dim", "8", "--units", "8", "--vocab-size", "12", "--seed", "3", "--out", out.toString()));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    private static List<Double> probabilities(Path model) throws Exception {
        List<Double> all = new ArrayList<>();
        for (String sentence : SENTENCES) {
            CliRun run = CliRun.of("predict", "--model", model.toString(), "--text", sentence);
            assertEquals(0, run.exitCode(), run.err());
            JSON.readTree(run.out()).get("probabilities").forEach(p -> all.add(p.asDouble()));
        }
        return all;
    }

    private static List<String> vocabulary(Path model) throws Exception {
        return ModelBundle.read(model).tokens().vocabulary().tokens();
    }

    @Test
    void anotherLimitKeepsTheInitVocabularyAndThePredictionsBeforeTheFirstStep() throws Exception {
        Path data = textSet("words.csv", 2);
        Path base = dir.resolve("base.gradlens");
        CliRun first = CliRun.of(train(data, base, "--epochs", "4", "--lr", "0.05"));
        assertEquals(0, first.exitCode(), first.err());
        Path fresh = dir.resolve("fresh.gradlens");
        assertEquals(0, CliRun.of(train(data, fresh, "--epochs", "1", "--limit", "10")).exitCode());
        assertEquals(vocabulary(base).size(), vocabulary(fresh).size(), "same size: loading by shape would pass");
        assertNotEquals(vocabulary(base), vocabulary(fresh), "the rebuilt vocabulary orders other words");

        Path continued = dir.resolve("continued.gradlens");
        CliRun step = CliRun.of(train(data, continued, "--init", base.toString(), "--limit", "10",
                "--epochs", "1", "--batch-size", "64", "--optimizer", "sgd", "--lr", "1e-30"));
        assertEquals(0, step.exitCode(), step.err());
        assertEquals(vocabulary(base), vocabulary(continued));
        assertEquals("init", ModelBundle.read(continued).provenance().get("vocabulary_from"));
        List<Double> before = probabilities(base);
        List<Double> after = probabilities(continued);
        assertEquals(before.size(), after.size());
        double spread = 0;
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i), after.get(i), 1e-6, "probability " + i + " of " + SENTENCES);
            spread = Math.max(spread, Math.abs(before.get(i) - 0.5));
        }
        assertTrue(spread > 0.05, "the base model tells the classes apart: " + before);
    }

    @Test
    void otherClassNamesExitWithCodeTwoNamingBothLists() throws Exception {
        Path base = dir.resolve("two.gradlens");
        assertEquals(0, CliRun.of(train(textSet("two.csv", 2), base, "--epochs", "1")).exitCode());
        CliRun run = CliRun.of(train(textSet("three.csv", 3), dir.resolve("x.gradlens"), "--init",
                base.toString(), "--epochs", "1"));
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--init two.gradlens has the classes [0, 1] but dataset"), run.err());
        assertTrue(run.err().contains("has [0, 1, 2]; the class names must match"), run.err());
        assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("x.gradlens")), "no bundle written");
        }
    }
}
