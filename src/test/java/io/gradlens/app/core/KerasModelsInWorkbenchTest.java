package io.gradlens.app.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.cli.CliRun;
import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.format.Npy;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every Keras / TensorFlow.js fixture model of {@code src/test/resources/keras} (see its README)
 * opened in the workbench through {@link CoreWorkspaceService#openModel}: it opens exactly when
 * {@code gradlens saliency} opens it (otherwise the workbench reports the command line's message),
 * and its gradient saliency in the workbench equals the command line's on the same model and
 * input.
 */
class KerasModelsInWorkbenchTest {

  private static final Path KERAS = Path.of("src/test/resources/keras");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  /** The README's model files: not the recorded inputs/outputs and not the expected JSON. */
  static List<Path> fixtureModels() throws IOException {
    try (Stream<Path> files = Files.walk(KERAS)) {
      return files.filter(Files::isRegularFile).filter(p -> {
        String name = p.getFileName().toString();
        String parent = p.getParent().getFileName().toString();
        return name.endsWith(".h5") && !name.contains("inputs_and_outputs")
            || name.endsWith(".keras") || name.equals("model.json") && !parent.equals("expected");
      }).sorted().toList();
    }
  }

  @Test
  void theFixtureListCoversTheReadme() throws IOException {
    List<Path> models = fixtureModels();
    assertEquals(8 + 1, models.stream().filter(p -> !p.toString().contains("generated")).count(),
        "8 real Keras 2 models and the Keras 3 file");
    assertEquals(7 * 3 + 2, models.stream().filter(p -> p.toString().contains("generated"))
        .count(), "7 generated models in 3 formats, 2 also as Keras 3 legacy .h5");
  }

  @ParameterizedTest
  @MethodSource("fixtureModels")
  void opensAsOnTheCommandLineWithTheSameSaliency(Path file) throws Exception {
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
    CoreWorkspaceService service = new CoreWorkspaceService(workspace);
    CliRun predict = CliRun.of("predict", "--model", file.toString(), "--text", "x");
    if (predict.err().contains("not supported") || predict.err().contains("re-save")) {
      // Refused by the importer: the workbench refuses it with the same message.
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
          service.openModel(file, ProgressListener.NONE, CancellationToken.NONE));
      assertEquals(2, predict.exitCode());
      assertEquals("gradlens predict: " + e.getMessage(), predict.err().strip());
      assertTrue(workspace.currentModelEntry().isEmpty());
      return;
    }
    WorkspaceEntry entry = service.openModel(file, ProgressListener.NONE, CancellationToken.NONE);
    assertEquals(entry, workspace.currentModelEntry().orElseThrow());
    assertEquals(file.getFileName().toString(), entry.name());
    Classifier model = workspace.currentModel();

    AttributionInputs inputs = seededInputs(model, 3);
    Path npy = dir.resolve("inputs.npy");
    Files.write(npy, Npy.write(batch(model, inputs)));
    CliRun cli = CliRun.of("saliency", "--model", file.toString(), "--input-npy", npy.toString());
    List<Attribution> workbench;
    try {
      workbench = SaliencyRequest.defaults().configured().build(model).attribute(model, inputs,
          AttributionTarget.predicted());
    } catch (IllegalArgumentException e) {
      // A model without class probabilities (a regression head) has no log p to explain, and a
      // model with a sequence output [B, T, F] has no one value per class: both are bad input.
      assertEquals(2, cli.exitCode(), cli.err());
      assertTrue(cli.err().strip().endsWith(e.getMessage()), cli.err() + " vs " + e.getMessage());
      return;
    }
    assertEquals(0, cli.exitCode(), cli.err());
    String[] lines = cli.out().strip().split("\n");
    assertEquals(workbench.size(), lines.length);
    for (int i = 0; i < lines.length; i++) {
      JsonNode expected = JSON.readTree(lines[i]);
      assertEquals(expected.get("predicted").asInt(), workbench.get(i).predicted());
      assertArrayEquals(doubles(expected.get("scores")), workbench.get(i).scores(), 1e-9,
          file + " example " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("imageModels")
  void anImageModelShowsTheCommandLinesSaliencyInTheSaliencyService(Path file) throws Exception {
    Path images = pngDataset(dir.resolve("digits8"), 8, 10);
    CoreWorkspace workspace = new CoreWorkspace(null, dir.resolve("edits"));
    CoreWorkspaceService service = new CoreWorkspaceService(workspace);
    WorkspaceEntry dataset = service.openDataset(images, ProgressListener.NONE,
        CancellationToken.NONE);
    service.openModel(file, ProgressListener.NONE, CancellationToken.NONE);
    List<Example> examples = service.examples(dataset, ProgressListener.NONE,
        CancellationToken.NONE);
    CliRun cli = CliRun.of("saliency", "--model", file.toString(), "--dataset", images.toString(),
        "--split", "test");
    assertEquals(0, cli.exitCode(), cli.err());
    String[] lines = cli.out().strip().split("\n");
    assertEquals(examples.size(), lines.length);
    CoreSaliencyService saliency = new CoreSaliencyService(workspace);
    for (int i = 0; i < lines.length; i++) {
      SaliencyResult shown = saliency.explain(examples.get(i).text(), SaliencyRequest.defaults(),
          ProgressListener.NONE, CancellationToken.NONE);
      JsonNode expected = JSON.readTree(lines[i]);
      assertEquals(expected.get("predicted").asInt(), shown.predictedClass());
      assertArrayEquals(doubles(expected.get("scores")), shown.scores(), 1e-9, "example " + i);
    }
  }

  static List<Path> imageModels() {
    Path d = KERAS.resolve("generated/conv2d_mnistlike");
    return List.of(d.resolve("model.h5"), d.resolve("model.json"), d.resolve("model.keras"));
  }

  /** {@code train/} and {@code test/}, one 8-bit grayscale image per class each, seeded. */
  private static Path pngDataset(Path root, int size, int classes) throws IOException {
    Random random = new Random(7);
    for (String split : List.of("train", "test")) {
      for (int c = 0; c < classes; c++) {
        Path folder = Files.createDirectories(root.resolve(split).resolve("c" + c));
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            int v = random.nextInt(256);
            image.getRaster().setSample(x, y, 0, v);
          }
        }
        ImageIO.write(image, "png", folder.resolve("0.png").toFile());
      }
    }
    return root;
  }

  /** Seeded inputs of the model's shape: token ids 1..4 for an embedding, normal values else. */
  private static AttributionInputs seededInputs(Classifier model, int n) {
    Random random = new Random(11);
    if (model.input() instanceof InputSpec.Image img) {
      List<float[]> pixels = new ArrayList<>();
      for (int b = 0; b < n; b++) {
        float[] p = new float[img.size()];
        for (int i = 0; i < p.length; i++) {
          p[i] = random.nextFloat();
        }
        pixels.add(p);
      }
      return AttributionInputs.images(model, pixels);
    }
    long[] shape = ((InputSpec.Numeric) model.input()).shape();
    int size = (int) Arrays.stream(shape).reduce(1, (a, b) -> a * b);
    boolean ids = model.network().takesTokenIds();
    List<double[]> rows = new ArrayList<>();
    for (int b = 0; b < n; b++) {
      double[] r = new double[size];
      for (int i = 0; i < size; i++) {
        r[i] = ids ? 1 + random.nextInt(4) : random.nextGaussian();
      }
      rows.add(r);
    }
    return AttributionInputs.numeric(model, rows);
  }

  /** The inputs as one array [N, …input shape], token ids as int32. */
  private static INDArray batch(Classifier model, AttributionInputs inputs) {
    long[] shape;
    double[] flat;
    if (inputs instanceof AttributionInputs.Images im) {
      shape = new long[] {im.size(), im.height(), im.width(), im.channels()};
      flat = im.pixels().stream().flatMapToDouble(p -> {
        double[] d = new double[p.length];
        for (int i = 0; i < p.length; i++) {
          d[i] = p[i];
        }
        return Arrays.stream(d);
      }).toArray();
    } else {
      AttributionInputs.Numeric nm = (AttributionInputs.Numeric) inputs;
      shape = new long[nm.shape().length + 1];
      shape[0] = nm.size();
      System.arraycopy(nm.shape(), 0, shape, 1, nm.shape().length);
      flat = nm.rows().stream().flatMapToDouble(Arrays::stream).toArray();
    }
    INDArray a = Nd4j.create(flat, shape, 'c');
    return model.network().takesTokenIds() ? a.castTo(org.nd4j.linalg.api.buffer.DataType.INT)
        : a.castTo(model.dtype());
  }

  private static double[] doubles(JsonNode array) {
    double[] d = new double[array.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = array.get(i).asDouble();
    }
    return d;
  }
}
