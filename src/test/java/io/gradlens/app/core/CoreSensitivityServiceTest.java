package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.autodiff.Tensor;
import io.gradlens.cli.CliRun;
import io.gradlens.data.TabularDataset;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Sensitivity tab's core service on the shipped models: CLI equality, finite differences. */
class CoreSensitivityServiceTest {

  private static final Path PRICE_BUNDLE = Path.of("assets/models/price-model.gradlens");
  private static final CoreWorkspace WORKSPACE = new CoreWorkspace(Path.of("assets/models"));
  private static final CoreSensitivityService SERVICE = new CoreSensitivityService(WORKSPACE);

  private static WorkspaceEntry entry(String id) {
    return WORKSPACE.entry(id).orElseThrow();
  }

  private static SensitivityResult price(int rows) throws Exception {
    return SERVICE.sensitivity(new SensitivityRequest(entry("shipped:price-model"), null, rows,
        null), ProgressListener.NONE, CancellationToken.NONE);
  }

  @Test
  void theShippedPriceModelIsTheExampleAndCannotBecomeTheCurrentClassifier() {
    assertEquals("shipped:price-model", SERVICE.exampleModel().orElseThrow().id());
    ModelMismatchException e = assertThrows(ModelMismatchException.class, () ->
        WORKSPACE.selectModel(entry("shipped:price-model")));
    assertTrue(e.getMessage().contains("Sensitivity tab"), e.getMessage());
  }

  @Test
  void anOpenedPriceBundleIsListedNotCurrentAndCanBeExplained(@TempDir Path dir) throws Exception {
    Path copy = Files.copy(PRICE_BUNDLE, dir.resolve("my-price.gradlens"));
    CoreWorkspace workspace = new CoreWorkspace(null);
    ModelMismatchException e = assertThrows(ModelMismatchException.class, () ->
        workspace.openModel(copy));
    assertTrue(e.getMessage().contains("Sensitivity tab"), e.getMessage());
    assertTrue(workspace.currentModelEntry().isEmpty());
    WorkspaceEntry listed = workspace.entries().stream()
        .filter(x -> x.name().equals("my-price.gradlens")).findFirst().orElseThrow();
    SensitivityResult r = new CoreSensitivityService(workspace).sensitivity(
        new SensitivityRequest(listed, null, 10, null), ProgressListener.NONE,
        CancellationToken.NONE);
    assertEquals(price(10).features(), r.features());
  }

  @Test
  void priceModelNumbersEqualTheCommandLine() throws Exception {
    SensitivityResult result = price(50);
    JsonNode cli = new ObjectMapper().readTree(CliRun.of("sensitivity", "--model",
        PRICE_BUNDLE.toString(), "--dataset", "price", "--limit", "50").out());
    assertEquals(50, cli.get("rows").asInt());
    assertEquals("regression", result.output());
    int k = 0;
    for (JsonNode input : cli.get("inputs")) {
      for (int j = 0; j < input.get("features").size(); j++, k++) {
        FeatureSensitivity f = result.features().get(k);
        assertEquals(input.get("input").asText(), f.input());
        assertEquals(input.get("features").get(j).asText(), f.feature());
        assertEquals(input.get("mean").get(j).asDouble(), f.mean(), 1e-12 * (1 + Math.abs(f.mean())));
        assertEquals(input.get("mean_abs").get(j).asDouble(), f.meanAbsolute(),
            1e-12 * (1 + f.meanAbsolute()));
      }
    }
    assertEquals(5, k, "4 features and the reference price");
    assertEquals(k, result.features().size());
    assertEquals(50, result.rows().size());
  }

  /**
   * For one row the mean gradient is that row's gradient: it must equal the central difference
   * (f(x+h) − f(x−h)) / 2h of the model, evaluated in float64 with the same weights.
   */
  @Test
  void meanGradientOfOneRowMatchesCentralFiniteDifferences() throws Exception {
    SensitivityResult result = price(1);
    assertEquals(5, result.features().size(), "every feature of the price model is shown");
    PriceModel trained = (PriceModel) WORKSPACE.anyModel("shipped:price-model");
    PriceModel exact = PriceModel.fromConfig(trained.config(), DataType.DOUBLE);
    Map<String, INDArray> weights = new LinkedHashMap<>();
    trained.parameters().forEach((name, t) -> weights.put(name, t.value()));
    exact.loadWeights(weights);
    TabularDataset table = (TabularDataset) CoreWorkspace.builtInDataset("price");
    Map<String, double[][]> row = PriceModelTraining.inputs(exact, table.test(), table, 1);
    int k = 0;
    for (Map.Entry<String, double[][]> input : row.entrySet()) {
      double[] x = input.getValue()[0];
      for (int j = 0; j < x.length; j++, k++) {
        double h = 1e-4 * Math.max(1, Math.abs(x[j]));
        double plus = shifted(exact, row, input.getKey(), j, h);
        double minus = shifted(exact, row, input.getKey(), j, -h);
        double fd = (plus - minus) / (2 * h);
        double shown = result.features().get(k).mean();
        assertEquals(fd, shown, 1e-4 * Math.max(1, Math.abs(fd)),
            result.features().get(k).label());
        assertEquals(Math.abs(shown), result.features().get(k).meanAbsolute(), 1e-12);
      }
    }
    // By construction ∂out/∂reference_price = hidden(features) + 1 = out / reference_price.
    double out = result.rows().get(0).output();
    assertEquals(out / row.get(PriceModel.REFERENCE_PRICE)[0][0], result.features().get(4).mean(),
        1e-4);
  }

  private static double shifted(PriceModel model, Map<String, double[][]> row, String input,
      int j, double h) {
    Map<String, Tensor> inputs = new LinkedHashMap<>();
    row.forEach((name, values) -> {
      double[] v = values[0].clone();
      if (name.equals(input)) {
        v[j] += h;
      }
      inputs.put(name, Tensor.constant(Nd4j.createFromArray(new double[][] {v})));
    });
    return model.forward(inputs, ForwardContext.inference()).value().getDouble(0, 0);
  }

  @Test
  void aTextModelGetsAMessageSayingWhatTheViewNeeds() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
        SERVICE.sensitivity(new SensitivityRequest(entry("shipped:sentiment-lstm"),
            entry("builtin:sentences"), 10, null), ProgressListener.NONE, CancellationToken.NONE));
    assertTrue(e.getMessage().contains("token ids have no gradient")
        && e.getMessage().contains("price model"), e.getMessage());
  }

  @Test
  void anImageClassifierShowsItsMostSensitivePixelsForTheChosenClass() throws Exception {
    // The current dataset holds text, so the CNN is explained on the digits it was trained on.
    SensitivityResult r = SERVICE.sensitivity(new SensitivityRequest(entry("shipped:mnist-cnn"),
        entry("builtin:sentences"), 6, 3), ProgressListener.NONE, CancellationToken.NONE);
    assertEquals("mnist", r.dataset());
    assertEquals("logprob[3]", r.output());
    assertEquals(784, r.totalFeatures());
    assertEquals(CoreSensitivityService.MAX_SHOWN_FEATURES, r.features().size());
    assertEquals(6, r.rows().size());
    JsonNode cli = new ObjectMapper().readTree(CliRun.of("sensitivity", "--model",
        "assets/models/mnist-cnn.gradlens", "--dataset", "mnist", "--limit", "6", "--target", "3")
        .out());
    JsonNode meanAbs = cli.get("inputs").get(0).get("mean_abs");
    List<String> names = r.features().stream().map(FeatureSensitivity::feature).toList();
    double smallestShown = r.features().stream().mapToDouble(FeatureSensitivity::meanAbsolute)
        .min().orElseThrow();
    for (int i = 0; i < meanAbs.size(); i++) {
      String name = cli.get("inputs").get(0).get("features").get(i).asText();
      int at = names.indexOf(name);
      if (at >= 0) {
        assertEquals(meanAbs.get(i).asDouble(), r.features().get(at).meanAbsolute(), 1e-9);
      } else {
        assertTrue(meanAbs.get(i).asDouble() <= smallestShown, "pixel " + name + " left out");
      }
    }
    for (int i = 0; i < 6; i++) {
      assertTrue(r.rows().get(i).output() < 0, "log p < 0");
    }
  }
}
