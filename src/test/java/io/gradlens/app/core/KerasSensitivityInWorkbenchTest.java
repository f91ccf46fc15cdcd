package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.cli.CliRun;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Sensitivity tab on a Keras 3 image classifier opened from its {@code .keras} file: the
 * numbers equal {@code gradlens sensitivity} on the same file, dataset rows and class.
 */
class KerasSensitivityInWorkbenchTest {

  private static final Path CNN = Path.of("src/test/resources/keras/generated/conv2d_mnistlike/"
      + "model.keras");

  @TempDir
  Path dir;

  @Test
  void aKerasImageModelsSensitivityEqualsTheCommandLine() throws Exception {
    CoreWorkspace workspace = new CoreWorkspace(null, dir);
    WorkspaceEntry model = workspace.openModel(CNN);
    WorkspaceEntry digits = workspace.entry("builtin:digits").orElseThrow();
    SensitivityResult shown = new CoreSensitivityService(workspace).sensitivity(
        new SensitivityRequest(model, digits, 8, 3), ProgressListener.NONE,
        CancellationToken.NONE);

    JsonNode cli = new ObjectMapper().readTree(CliRun.of("sensitivity", "--model", CNN.toString(),
        "--dataset", "digits", "--limit", "8", "--target", "3").out());
    assertEquals(cli.get("output").asText(), shown.output());
    assertEquals(cli.get("rows").asInt(), shown.rows().size());
    JsonNode input = cli.get("inputs").get(0);
    List<String> features = new ArrayList<>();
    input.get("features").forEach(f -> features.add(f.asText()));
    assertEquals(features.size(), shown.totalFeatures());
    assertEquals(CoreSensitivityService.MAX_SHOWN_FEATURES, shown.features().size());
    for (FeatureSensitivity f : shown.features()) {
      int j = features.indexOf(f.feature());
      assertEquals(input.get("mean").get(j).asDouble(), f.mean(), 1e-12, f.label());
      assertEquals(input.get("mean_abs").get(j).asDouble(), f.meanAbsolute(), 1e-12, f.label());
    }
  }
}
