package io.gradlens.app.service;

import java.util.List;
import java.util.Objects;

/**
 * Result of a text-saliency computation: one score per token plus the model's output.
 *
 * @param tokens tokens in reading order, exactly as the model saw them
 * @param scores one attribution score per token (same length as {@code tokens}); may contain NaN
 * @param targetClass index of the explained class
 * @param probabilities softmax of the logits, one per class
 * @param classNames class names, one per probability
 * @param method display name of the method that produced the scores
 * @param image for an image model: the explained image, whose pixels the scores follow
 *     row-major (one score per pixel; {@code tokens} then name the pixels); {@code null} for text
 * @param outOfVocabulary positions of the tokens the model's vocabulary does not know (read as
 *     its out-of-vocabulary id); empty for an image or when not known
 * @param diagnostics the method's per-example numbers, by the command line's names (Integrated
 *     Gradients: {@code f_input}, {@code f_baseline}, {@code attribution_sum},
 *     {@code completeness_gap}); empty when the method reports none
 */
public record SaliencyResult(
    List<String> tokens,
    double[] scores,
    int targetClass,
    double[] probabilities,
    List<String> classNames,
    String method,
    ImageInput image,
    java.util.Set<Integer> outOfVocabulary,
    java.util.Map<String, Double> diagnostics) {

  /**
   * An explained image.
   *
   * @param height rows
   * @param width columns
   * @param channels channels (1 gray, 3 RGB)
   * @param pixels row-major HWC values in [0, 1]
   */
  public record ImageInput(int height, int width, int channels, float[] pixels) {

    /** Checks the size and copies the pixels. */
    public ImageInput {
      pixels = pixels.clone();
      if (pixels.length != height * width * channels) {
        throw new IllegalArgumentException("image " + height + "x" + width + "x" + channels
            + " needs " + height * width * channels + " values, got " + pixels.length);
      }
    }

    /** @return a copy of the pixels */
    @Override
    public float[] pixels() {
      return pixels.clone();
    }
  }

  /** A result without diagnostics. */
  public SaliencyResult(List<String> tokens, double[] scores, int targetClass,
      double[] probabilities, List<String> classNames, String method, ImageInput image,
      java.util.Set<Integer> outOfVocabulary) {
    this(tokens, scores, targetClass, probabilities, classNames, method, image, outOfVocabulary,
        java.util.Map.of());
  }

  /** A result without out-of-vocabulary information. */
  public SaliencyResult(List<String> tokens, double[] scores, int targetClass,
      double[] probabilities, List<String> classNames, String method, ImageInput image) {
    this(tokens, scores, targetClass, probabilities, classNames, method, image,
        java.util.Set.of());
  }

  /** A text result (no image). */
  public SaliencyResult(List<String> tokens, double[] scores, int targetClass,
      double[] probabilities, List<String> classNames, String method) {
    this(tokens, scores, targetClass, probabilities, classNames, method, null);
  }

  /** Validates shapes and makes defensive copies. */
  public SaliencyResult {
    tokens = List.copyOf(tokens);
    scores = scores.clone();
    probabilities = probabilities.clone();
    classNames = List.copyOf(classNames);
    Objects.requireNonNull(method, "method");
    outOfVocabulary = java.util.Set.copyOf(outOfVocabulary);
    diagnostics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(diagnostics));
    for (int i : outOfVocabulary) {
      if (i < 0 || i >= tokens.size()) {
        throw new IllegalArgumentException("out-of-vocabulary position " + i + " of "
            + tokens.size() + " tokens");
      }
    }
    if (image != null && image.height() * image.width() != scores.length) {
      throw new IllegalArgumentException("an image of " + image.height() + "x" + image.width()
          + " pixels needs as many scores, got " + scores.length);
    }
    if (tokens.size() != scores.length) {
      throw new IllegalArgumentException(
          "tokens (" + tokens.size() + ") and scores (" + scores.length + ") differ in length");
    }
    if (classNames.size() != probabilities.length) {
      throw new IllegalArgumentException(
          "classNames (" + classNames.size() + ") and probabilities ("
              + probabilities.length + ") differ in length");
    }
    if (targetClass < 0 || targetClass >= probabilities.length) {
      throw new IllegalArgumentException("targetClass out of range: " + targetClass);
    }
  }

  /** @return a copy of the scores */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** @return a copy of the probabilities */
  @Override
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** @return whether this explains an image */
  public boolean isImage() {
    return image != null;
  }

  /** @return index of the most probable class */
  public int predictedClass() {
    int best = 0;
    for (int i = 1; i < probabilities.length; i++) {
      if (probabilities[i] > probabilities[best]) {
        best = i;
      }
    }
    return best;
  }
}
