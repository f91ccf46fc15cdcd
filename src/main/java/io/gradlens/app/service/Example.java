package io.gradlens.app.service;

import java.util.Objects;

/**
 * One labelled text example, optionally with the current model's prediction.
 *
 * @param id identifier within its dataset
 * @param text raw text
 * @param label gold label
 * @param prediction predicted label, or {@code null} when no model is loaded
 * @param confidence probability of the predicted label in [0, 1], NaN without a prediction
 */
public record Example(String id, String text, String label, String prediction, double confidence) {

  /** Validates the mandatory fields. */
  public Example {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(label, "label");
  }

  /** @return whether a prediction is available */
  public boolean hasPrediction() {
    return prediction != null;
  }

  /** @return whether the prediction matches the label; false without a prediction */
  public boolean correct() {
    return label.equals(prediction);
  }
}
