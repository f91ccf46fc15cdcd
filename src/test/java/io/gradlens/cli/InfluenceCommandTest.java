package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.workflow.influence.DigitsWithCheckpoints;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code gradlens influence} on a small digits model: outputs, the cache, and bad input (exit code 2). */
class InfluenceCommandTest {

    @TempDir
    static Path dir;
    static Path model;

    /** Outcome of one invocation. */
    record Outcome(int code, String out, String err) {
    }

    @BeforeAll
    static void trainDigitsModel() throws Exception {
        model = DigitsWithCheckpoints.train(dir).model();
    }

    static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new InfluenceCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void explainsATestPredictionAndReusesTheCache() throws Exception {
        Outcome first = run("--model", model.toString(), "--dataset", "digits", "--test-index", "3", "--top", "5");
        assertEquals(0, first.code(), first.err());
        Map<?, ?> json = new ObjectMapper().readValue(first.out(), Map.class);
        assertEquals(false, json.get("cached"));
        assertEquals(json.get("predicted"), json.get("class_name"));
        List<?> pro = (List<?>) json.get("proponents");
        assertEquals(5, pro.size());
        assertTrue(((Number) ((Map<?, ?>) pro.get(0)).get("score")).doubleValue() > 0);
        Outcome second = run("--model", model.toString(), "--dataset", "digits", "--test-index", "3", "--top", "5");
        Map<?, ?> again = new ObjectMapper().readValue(second.out(), Map.class);
        assertEquals(true, again.get("cached"));
        assertEquals(json.get("proponents"), again.get("proponents"));
        // One cache for the command line and the workbench, in the user's cache folder, not beside the model.
        assertTrue(Files.isDirectory(io.gradlens.workflow.influence.InfluenceIndexWorkflow.defaultCacheRoot()
                .resolve((String) json.get("cache_key"))), "cache folder of key " + json.get("cache_key"));
        assertFalse(Files.exists(Path.of(model + ".influence")));
    }

    @Test
    void tracinSelfInfluenceAsCsv() {
        Outcome o = run("--model", model.toString(), "--dataset", "digits", "--self", "--method", "tracin", "--top", "4",
                "--format", "csv");
        assertEquals(0, o.code(), o.err());
        String[] lines = o.out().trim().split("\\R");
        assertEquals("rank,train_index,label,score", lines[0]);
        assertEquals(5, lines.length);
        Outcome cls = run("--model", model.toString(), "--dataset", "digits", "--test-index", "0", "--method", "tracin",
                "--class", "7", "--format", "csv");
        assertEquals(0, cls.code(), cls.err());
        assertTrue(cls.out().startsWith("kind,rank,train_index,label,score"));
    }

    @Test
    void registeredOnTheRootCommand() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradLensCli.execute(new String[] {"influence", "--model", model.toString(), "--dataset", "digits",
            "--self", "--top", "2"}, new PrintWriter(out), new PrintWriter(err));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().contains("\"top\""), out.toString());
        assertEquals(2, GradLensCli.execute(new String[] {"experiment", "no-such-experiment"}, new PrintWriter(out),
                new PrintWriter(err)));
    }

    @Test
    void badInputIsOneLineAndExitCodeTwo() {
        for (String[] args : List.of(
                new String[] {"--model", model.toString(), "--dataset", "digits", "--test-index", "359"},
                new String[] {"--model", model.toString(), "--dataset", "digits", "--test-index", "-1"},
                new String[] {"--model", model.toString(), "--dataset", "mnist", "--test-index", "0"},
                new String[] {"--model", model.toString(), "--dataset", "sentences", "--self"},
                new String[] {"--model", model.toString(), "--dataset", "digits", "--test-index", "0", "--class", "10"},
                new String[] {"--model", model.toString(), "--dataset", "digits", "--test-index", "0", "--method", "lime"},
                new String[] {"--model", dir.resolve("missing.gradlens").toString(), "--dataset", "digits", "--self"},
                new String[] {"--model", model.toString(), "--dataset", "digits"})) {
            Outcome o = run(args);
            assertEquals(2, o.code(), String.join(" ", args) + " -> " + o.err());
            assertEquals(1, o.err().trim().split("\\R").length, "one line: " + o.err());
            assertFalse(o.err().contains("Exception"), o.err());
        }
    }
}
