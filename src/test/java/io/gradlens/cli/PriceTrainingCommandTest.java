package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.PriceModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gradlens train --dataset price}: a price bundle, reproducible from its seed. */
class PriceTrainingCommandTest {

  private static final String[] TRAIN = {"train", "--dataset", "price", "--units", "4",
      "--epochs", "2", "--batch-size", "256", "--lr", "0.02", "--seed", "5", "--out"};

  private static CliRun train(Path out) {
    String[] args = java.util.Arrays.copyOf(TRAIN, TRAIN.length + 1);
    args[TRAIN.length] = out.toString();
    CliRun run = CliRun.of(args);
    assertEquals(0, run.exitCode(), run.err());
    return run;
  }

  @Test
  void writesAReproduciblePriceBundleAndReportsTheTestError(@TempDir Path dir) throws Exception {
    CliRun first = train(dir.resolve("a.gradlens"));
    train(dir.resolve("b.gradlens"));
    JsonNode line = new ObjectMapper().readTree(first.out());
    assertEquals(2, line.get("epochs").asInt());
    double rmse = line.get("test_rmse").asDouble();
    assertTrue(rmse > 0 && Double.isFinite(rmse), first.out());
    assertEquals("price", ModelBundle.kind(dir.resolve("a.gradlens")));
    PriceModel a = ModelBundle.readPriceModel(dir.resolve("a.gradlens"));
    PriceModel b = ModelBundle.readPriceModel(dir.resolve("b.gradlens"));
    assertEquals(4, a.units());
    a.parameters().forEach((name, w) ->
        assertEquals(w.value(), b.parameters().get(name).value(), "same seed, same " + name));
  }
}
