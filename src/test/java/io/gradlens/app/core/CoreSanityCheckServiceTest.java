package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SanityCheckRequest;
import io.gradlens.app.service.SanityCheckResult;
import io.gradlens.cli.CliRun;
import io.gradlens.explain.SanityStep;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Sanity check tab's core service gives the command line's numbers for the same inputs. */
class CoreSanityCheckServiceTest {

  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));
  private static final CoreSanityCheckService SERVICE = new CoreSanityCheckService(WORKSPACE);

  @Test
  void shippedLstmStepsEqualTheCommandLine() throws Exception {
    WORKSPACE.selectModel(WORKSPACE.entry("shipped:sentiment-lstm").orElseThrow());
    List<Long> reported = new ArrayList<>();
    SanityCheckResult r = SERVICE.sanityCheck(new SanityCheckRequest(
        WORKSPACE.entry("builtin:sentences").orElseThrow(), SaliencyMethod.GRADIENT, 6, 3),
        (done, total, message) -> reported.add(done), CancellationToken.NONE);
    JsonNode cli = new ObjectMapper().readTree(CliRun.of("sanity", "--model",
        "assets/models/sentiment-lstm.gradlens", "--dataset", "sentences", "--limit", "6",
        "--seed", "3").out());
    assertEquals(6, r.examples());
    assertEquals(cli.get("method").asText(), r.method());
    assertEquals(cli.get("steps").size(), r.steps().size());
    for (int i = 0; i < r.steps().size(); i++) {
      JsonNode expected = cli.get("steps").get(i);
      SanityStep step = r.steps().get(i);
      List<String> layers = new ArrayList<>();
      expected.get("randomized_layers").forEach(l -> layers.add(l.asText()));
      assertEquals(layers, step.randomizedLayers());
      assertEquals(expected.get("mean_spearman_abs").asDouble(), step.meanSpearmanAbsolute(), 1e-9);
      assertEquals(expected.get("mean_spearman_signed").asDouble(), step.meanSpearmanSigned(),
          1e-9);
    }
    assertEquals(r.steps().size(), reported.stream().filter(d -> d > 0).count(),
        "one progress report per randomised layer");
  }

  @Test
  void aCancelledCheckStops() throws Exception {
    WORKSPACE.selectModel(WORKSPACE.entry("shipped:sentiment-lstm").orElseThrow());
    CancellationToken cancel = new CancellationToken();
    cancel.cancel();
    assertThrows(CancellationToken.CancelledException.class, () -> SERVICE.sanityCheck(
        new SanityCheckRequest(WORKSPACE.entry("builtin:sentences").orElseThrow(),
            SaliencyMethod.GRADIENT, 2, 0), ProgressListener.NONE, cancel));
  }
}
