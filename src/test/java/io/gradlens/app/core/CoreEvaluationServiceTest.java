package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.FaithfulnessRequest;
import io.gradlens.app.service.FaithfulnessResult;
import io.gradlens.cli.CliRun;
import io.gradlens.explain.evaluation.MetricComparison;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Evaluate tab's core service gives the command line's numbers for the same request. */
class CoreEvaluationServiceTest {

  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));
  private static final CoreEvaluationService SERVICE = new CoreEvaluationService(WORKSPACE);

  @Test
  void shippedLstmTableEqualsTheCommandLine() throws Exception {
    WORKSPACE.selectModel(WORKSPACE.entry("shipped:sentiment-lstm").orElseThrow());
    FaithfulnessResult r = SERVICE.evaluate(new FaithfulnessRequest(
        WORKSPACE.entry("builtin:sentences").orElseThrow(), "gradient", 5, 3),
        ProgressListener.NONE, CancellationToken.NONE);
    CliRun run = CliRun.of("evaluate", "--model", "assets/models/sentiment-lstm.gradlens",
        "--dataset", "sentences", "--limit", "5", "--method", "gradient", "--seed", "3");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode cli = new ObjectMapper().readTree(run.out());
    assertEquals(5, r.report().examples());
    JsonNode metrics = cli.get("methods").get(0).get("metrics");
    List<MetricComparison> rows = r.report().methods().get(0).comparisons();
    assertEquals(metrics.size(), rows.size());
    for (int k = 0; k < rows.size(); k++) {
      assertEquals(metrics.get(k).get("metric").asText(), rows.get(k).metric());
      assertEquals(metrics.get(k).get("method").get("mean").asDouble(),
          rows.get(k).method().interval().mean(), 1e-12, rows.get(k).metric());
      assertEquals(metrics.get(k).get("random").get("mean").asDouble(),
          rows.get(k).random().interval().mean(), 1e-12, rows.get(k).metric());
    }
    assertEquals(cli.get("skipped").size(), r.report().skipped().size());
  }

  @Test
  void aCancelledEvaluationStops() throws Exception {
    WORKSPACE.selectModel(WORKSPACE.entry("shipped:sentiment-lstm").orElseThrow());
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();
    assertThrows(CancellationToken.CancelledException.class, () -> SERVICE.evaluate(
        new FaithfulnessRequest(WORKSPACE.entry("builtin:sentences").orElseThrow(), "gradient",
            2, 0), ProgressListener.NONE, cancel));
  }
}
