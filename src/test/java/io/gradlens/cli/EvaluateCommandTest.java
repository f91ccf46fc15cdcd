package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.explain.evaluation.EvaluationReport;
import io.gradlens.explain.evaluation.MetricComparison;
import io.gradlens.explain.evaluation.MetricSettings;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.evaluation.EvaluationRequest;
import io.gradlens.workflow.evaluation.FaithfulnessEvaluation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/** {@code gradlens evaluate} in-process: the workflow's numbers, both formats, bad arguments. */
class EvaluateCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path image;

    @BeforeAll
    static void model() throws Exception {
        Sequential net = Sequential.builder(new long[] {8, 8, 1}, DataType.FLOAT, 3)
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 10))
                .build();
        image = dir.resolve("digits.gradlens");
        ModelBundle.write(new Classifier(net, new InputSpec.Image(8, 8, 1),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Map.of()), image);
    }

    private static CliRun ok(String... args) {
        CliRun run = CliRun.of(args);
        assertEquals(0, run.exitCode(), run.err());
        return run;
    }

    @Test
    void jsonHasTheWorkflowsNumbersForTheSameRequest() throws Exception {
        JsonNode j = JSON.readTree(ok("evaluate", "--model", image.toString(), "--dataset", "digits", "--limit", "6",
                "--method", "gradient,grad-x-input", "--metric", "all", "--perturbations", "4", "--seed", "5").out());
        assertEquals("faithfulness-evaluation", j.get("kind").asText());
        assertEquals(6, j.get("examples").asInt());
        assertTrue(j.get("skipped").has("relevance-mass"), "digits has no masks: " + j.get("skipped"));

        Classifier model = ModelBundle.read(image);
        EvaluationRequest request = new EvaluationRequest(EvaluationRequest.methods("gradient,grad-x-input", Map.of()),
                List.of("all"), new MetricSettings(10, List.of(1.0, 5.0, 10.0, 20.0, 50.0), 4, 0.02, 5), null,
                "predicted", 256);
        EvaluationReport direct = FaithfulnessEvaluation.onDataset(model, BuiltInDatasets.load("digits", 5,
                Path.of("datasets")), "test", 6, request, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(2, j.get("methods").size());
        for (int m = 0; m < 2; m++) {
            JsonNode metrics = j.get("methods").get(m).get("metrics");
            List<MetricComparison> rows = direct.methods().get(m).comparisons();
            assertEquals(rows.size(), metrics.size());
            assertEquals(6, rows.size(), "deletion, insertion, comprehensiveness, sufficiency, infidelity, "
                    + "max-sensitivity");
            for (int k = 0; k < rows.size(); k++) {
                assertEquals(rows.get(k).metric(), metrics.get(k).get("metric").asText());
                assertEquals(rows.get(k).method().interval().mean(), metrics.get(k).get("method").get("mean")
                        .asDouble(), 1e-12);
                assertEquals(rows.get(k).random().interval().mean(), metrics.get(k).get("random").get("mean")
                        .asDouble(), 1e-12);
            }
        }
    }

    @Test
    void csvHasOneRowPerMethodAndMetricAndOutWritesTheFile() throws Exception {
        Path out = dir.resolve("eval.csv");
        ok("evaluate", "--model", image.toString(), "--dataset", "digits", "--limit", "4", "--method", "gradient",
                "--metric", "deletion-aopc,comprehensiveness", "--format", "csv", "--out", out.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith("method,metric,higher_is_better,mean,ci95"));
        assertTrue(lines.get(1).startsWith("gradient,deletion-aopc,true,"));
        assertTrue(lines.get(2).startsWith("gradient,comprehensiveness,true,"));
    }

    @Test
    void badArgumentsExitTwoNamingTheOption() {
        String[] base = {"evaluate", "--model", image.toString(), "--dataset", "digits", "--limit", "2"};
        assertBad("--metric", base, "--metric", "accuracy");
        assertBad("--step", base, "--step", "0");
        assertBad("--step", base, "--step", "150");
        assertBad("--bins", base, "--bins", "1,200");
        assertBad("--method", base, "--method", "lime");
        assertBad("--format", base, "--format", "xml");
        assertBad("--removal", base, "--removal", "oov");
        assertBad("--removal", base, "--removal", "blur:x");
    }

    private static void assertBad(String option, String[] base, String... extra) {
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        CliRun run = CliRun.of(args);
        assertEquals(2, run.exitCode(), run.err() + run.out());
        assertTrue(run.err().contains(option), "expected '" + option + "' in: " + run.err());
        assertEquals("", run.out());
    }
}
