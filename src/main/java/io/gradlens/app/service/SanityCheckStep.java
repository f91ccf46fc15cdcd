package io.gradlens.app.service;

import java.util.List;

/**
 * One step of the cascade: the layers randomised so far (output layer first) and the mean
 * Spearman rank correlation between the trained and the randomised model's saliency.
 *
 * @param randomizedLayers the re-initialised layers, top down
 * @param meanSpearmanAbsolute mean ρ of |saliency| (NaN when every map was constant)
 * @param meanSpearmanSigned mean ρ of the signed saliency
 */
public record SanityCheckStep(List<String> randomizedLayers, double meanSpearmanAbsolute,
    double meanSpearmanSigned) {

  /** Copies the layer list. */
  public SanityCheckStep {
    randomizedLayers = List.copyOf(randomizedLayers);
  }

  /** @return the newest randomised layer, e.g. {@code "dense_2"}, as a category label */
  public String label() {
    String last = randomizedLayers.get(randomizedLayers.size() - 1);
    return randomizedLayers.size() == 1 ? last : "+ " + last;
  }
}
