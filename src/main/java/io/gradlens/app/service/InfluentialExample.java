package io.gradlens.app.service;

import java.util.Objects;

/**
 * One training example with its influence score: a proponent (positive), an opponent (negative)
 * or a suspected mislabel (its self-influence).
 *
 * @param exampleId workspace id in the unedited dataset, e.g. {@code train/12}
 * @param text the text, or for an image a caption naming it
 * @param image the image for a thumbnail, or {@code null} for text
 * @param label the example's gold label as the (edited) dataset gives it
 * @param score the influence score
 */
public record InfluentialExample(String exampleId, String text, SaliencyResult.ImageInput image,
    String label, double score) {

  /** Checks the mandatory fields. */
  public InfluentialExample {
    Objects.requireNonNull(exampleId, "exampleId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
  }
}
