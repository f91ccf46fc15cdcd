package io.gradlens.app.service;

import io.gradlens.workflow.training.TrainingSettings;
import java.util.Objects;

/**
 * What the Training tab asks for: a workspace dataset and the core's training settings (whose
 * defaults are those of {@code bin/gradlens train}).
 *
 * @param datasetId workspace id of the training dataset, or {@code null} for the service default
 * @param settings how to train
 */
public record TrainingConfig(String datasetId, TrainingSettings settings) {

  /** Checks that settings are given. */
  public TrainingConfig {
    Objects.requireNonNull(settings, "settings");
  }

  /** @return the service's default dataset with the command line's default settings */
  public static TrainingConfig defaults() {
    return new TrainingConfig(null, TrainingSettings.DEFAULTS);
  }
}
