package io.gradlens.app.core;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * The first examples of a dataset's test split as inputs of a classifier, in the order the
 * command line's {@code --split test --limit N} takes them, checked against the model.
 */
final class TestSplitInputs {

  private TestSplitInputs() {
  }

  /**
   * @param limit at most this many examples (at least 1)
   * @throws ModelMismatchException when the model does not read this kind of data
   */
  static AttributionInputs of(Classifier model, Dataset data, int limit) {
    if (data instanceof TextDataset text) {
      if (!model.isText()) {
        throw mismatch(model, data, "text");
      }
      List<TextExample> test = text.test();
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < Math.min(limit, test.size()); i++) {
        texts.add(test.get(i).text());
      }
      return AttributionInputs.texts(model, nonEmpty(texts, data));
    }
    if (data instanceof ImageDataset images) {
      if (!(model.input() instanceof InputSpec.Image img) || img.height() != images.height()
          || img.width() != images.width() || img.channels() != images.channels()) {
        throw mismatch(model, data, "images " + images.height() + "x" + images.width() + "x"
            + images.channels());
      }
      float[][] pixels = images.test().pixels();
      return AttributionInputs.images(model, nonEmpty(
          List.of(pixels).subList(0, Math.min(limit, pixels.length)), data));
    }
    throw new IllegalArgumentException("Dataset \u201c" + data.name() + "\u201d is tabular; the "
        + "model " + model.describeInput() + " needs text or image examples");
  }

  private static <T> List<T> nonEmpty(List<T> examples, Dataset data) {
    if (examples.isEmpty()) {
      throw new IllegalArgumentException("The test split of \u201c" + data.name() + "\u201d is empty");
    }
    return examples;
  }

  private static ModelMismatchException mismatch(Classifier model, Dataset data, String holds) {
    return new ModelMismatchException("The model reads " + model.describeInput()
        + ", but dataset \u201c" + data.name() + "\u201d holds " + holds
        + ". Select a fitting model or dataset.");
  }
}
