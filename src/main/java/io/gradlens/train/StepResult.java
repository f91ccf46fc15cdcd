package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import java.util.Map;

/**
 * What one batch computed: the loss parts (as numbers), how many predictions were right, and
 * (when asked) the gradients of the loss with respect to every weight.
 *
 * @param loss               classification loss + saliency loss
 * @param classificationLoss mean cross-entropy
 * @param saliencyLoss       the explanation penalty (NaN when the batch has no relevance masks)
 * @param correct            number of correct predictions
 * @param size               batch size
 * @param gradients          weight gradients, or null for an evaluation
 */
public record StepResult(double loss, double classificationLoss, double saliencyLoss, int correct, int size,
                         Map<String, Tensor> gradients) {
}
