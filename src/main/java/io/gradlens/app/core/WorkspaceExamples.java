package io.gradlens.app.core;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Tokenizer;
import io.gradlens.data.edits.EditedDataset;
import io.gradlens.data.edits.ExampleFingerprint;
import io.gradlens.data.edits.ExampleRef;
import io.gradlens.data.edits.Split;
import io.gradlens.nn.Classifier;
import io.gradlens.train.Batch;
import io.gradlens.train.DatasetExamples;
import io.gradlens.train.ExampleSet;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.explain.ModelDatasetFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The workbench's example lists and the image examples behind them, keyed by {@link ExampleRef}
 * (position in the unedited split and fingerprint). A dataset's test split becomes {@link Example}
 * rows with the current model's predictions, checked against the model by the workflow's
 * {@link ModelDatasetFit} (the command line's messages). Images have no text, so each image row
 * gets a caption ({@code "mnist test image #17"}) that resolves to its reference. Thread-safe.
 */
final class WorkspaceExamples {

  /** Examples predicted per forward pass. */
  static final int PREDICTION_BATCH = 64;

  private final Map<ExampleRef, SaliencyResult.ImageInput> images = new ConcurrentHashMap<>();
  private final Map<String, ExampleRef> captions = new ConcurrentHashMap<>();

  /**
   * The test split of {@code edited} as rows, with {@code model}'s predictions (none without a
   * model) computed in batches of {@value #PREDICTION_BATCH}.
   *
   * @param name the dataset's name in captions
   * @throws IllegalArgumentException when the model does not fit the dataset
   */
  List<Example> testExamples(String name, EditedDataset edited, Classifier model,
      ProgressListener progress, CancellationToken cancel) {
    Dataset data = edited.dataset();
    if (model != null) {
      ModelDatasetFit.check(model, data);
    }
    if (data instanceof TextDataset text) {
      return textExamples(text, edited.testOrigin(), model, progress, cancel);
    }
    if (data instanceof ImageDataset imageData) {
      return imageExamples(name, imageData, edited.testOrigin(), model, progress, cancel);
    }
    throw new IllegalArgumentException(name + " is tabular; the workbench shows text and "
        + "image datasets");
  }

  /** @return an image example by its reference, if it was listed */
  Optional<SaliencyResult.ImageInput> image(ExampleRef ref) {
    return Optional.ofNullable(images.get(ref));
  }

  /** @return the reference behind an image row's caption, if it was listed */
  Optional<ExampleRef> byCaption(String caption) {
    return Optional.ofNullable(captions.get(caption));
  }

  private static List<Example> textExamples(TextDataset data, int[] origin, Classifier model,
      ProgressListener progress, CancellationToken cancel) {
    List<TextExample> test = data.test();
    String[] predicted = new String[test.size()];
    double[] confidence = new double[test.size()];
    Arrays.fill(confidence, Double.NaN);
    if (model != null) {
      // the model reads every text with the tokenizer it was trained with
      Tokenizer tokenizer = model.tokens().tokenizer();
      List<TextExample> nonEmpty = new ArrayList<>();
      List<Integer> where = new ArrayList<>();
      for (int i = 0; i < test.size(); i++) {
        TextExample e = test.get(i);
        TextExample asModelReads = e.tokenizer().equals(tokenizer) ? e
            : new TextExample(e.text(), e.label(), null, tokenizer);
        if (!asModelReads.tokens().isEmpty()) {
          nonEmpty.add(asModelReads);
          where.add(i);
        }
      }
      ExampleSet set = DatasetExamples.text(nonEmpty, model.tokens().vocabulary(), 0, false);
      predict(model, set, data.classNames(), predicted, confidence,
          where.stream().mapToInt(Integer::intValue).toArray(), progress, cancel);
    }
    List<Example> out = new ArrayList<>(test.size());
    for (int i = 0; i < test.size(); i++) {
      TextExample e = test.get(i);
      out.add(new Example(id(origin[i]), e.text(), data.classNames().get(e.label()), predicted[i],
          confidence[i]));
    }
    return out;
  }

  private List<Example> imageExamples(String name, ImageDataset data, int[] origin,
      Classifier model, ProgressListener progress, CancellationToken cancel) {
    int n = data.test().size();
    String[] predicted = new String[n];
    double[] confidence = new double[n];
    Arrays.fill(confidence, Double.NaN);
    if (model != null) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      predict(model, DatasetExamples.images(data, data.test(), false), data.classNames(),
          predicted, confidence, all, progress, cancel);
    }
    List<Example> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      float[] pixels = data.test().pixels()[i];
      ExampleRef ref = new ExampleRef(Split.TEST, origin[i], ExampleFingerprint.of(pixels));
      String caption = name + " test image #" + origin[i];
      images.put(ref, new SaliencyResult.ImageInput(data.height(), data.width(), data.channels(),
          pixels));
      captions.put(caption, ref);
      out.add(new Example(id(origin[i]), caption, data.classNames().get(data.test().labels()[i]),
          predicted[i], confidence[i]));
    }
    return out;
  }

  /** The workspace id of a test example ({@code test/17}). */
  private static String id(int originalIndex) {
    return Split.TEST.fileName() + "/" + originalIndex;
  }

  private static void predict(Classifier model, ExampleSet set, List<String> classes,
      String[] predicted, double[] confidence, int[] where, ProgressListener progress,
      CancellationToken cancel) {
    int n = set.size();
    for (int from = 0; from < n; from += PREDICTION_BATCH) {
      cancel.throwIfCancelled();
      int to = Math.min(n, from + PREDICTION_BATCH);
      int[] idx = new int[to - from];
      for (int i = 0; i < idx.length; i++) {
        idx[i] = from + i;
      }
      Batch batch = set.batch(idx);
      INDArray p = model.probabilities(batch.input());
      for (int r = 0; r < idx.length; r++) {
        int best = 0;
        double bestP = -1;
        for (int c = 0; c < classes.size(); c++) {
          double v = p.getDouble(r, c);
          if (v > bestP) {
            bestP = v;
            best = c;
          }
        }
        predicted[where[from + r]] = classes.get(best);
        confidence[where[from + r]] = bestP;
      }
      progress.progress(to, n, String.format(Locale.ROOT, "Predicting %d/%d", to, n));
    }
  }
}
