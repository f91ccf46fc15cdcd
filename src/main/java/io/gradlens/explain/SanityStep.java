package io.gradlens.explain;

import java.util.List;

/**
 * One step of the cascading randomisation: the layers re-initialised so far (output layer first)
 * and the Spearman rank correlation between the trained and the randomised model's saliency, per
 * example and averaged (NaN entries, from constant maps, are left out of the mean).
 *
 * @param randomizedLayers      the re-initialised layers, top down
 * @param meanSpearmanAbsolute  mean ρ of |saliency|
 * @param meanSpearmanSigned    mean ρ of the signed saliency
 * @param spearmanAbsolute      ρ of |saliency| per example
 * @param spearmanSigned        ρ of saliency per example
 */
public record SanityStep(List<String> randomizedLayers, double meanSpearmanAbsolute, double meanSpearmanSigned,
                         double[] spearmanAbsolute, double[] spearmanSigned) {

    public SanityStep {
        randomizedLayers = List.copyOf(randomizedLayers);
        spearmanAbsolute = spearmanAbsolute.clone();
        spearmanSigned = spearmanSigned.clone();
    }

    @Override
    public double[] spearmanAbsolute() {
        return spearmanAbsolute.clone();
    }

    @Override
    public double[] spearmanSigned() {
        return spearmanSigned.clone();
    }
}
