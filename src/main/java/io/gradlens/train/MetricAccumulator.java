package io.gradlens.train;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Example-weighted averages of batch results. Each batch's objective is its mean cross-entropy
 * plus its penalty (a sum over the batch, as written in the objective); the epoch figures weight
 * batches by their size, so {@code loss = classification_loss + saliency_loss} whenever the penalty
 * is on.
 */
public final class MetricAccumulator {

    private double loss;
    private double classification;
    private double saliency;
    private boolean hasSaliency;
    private long correct;
    private long count;

    public void add(StepResult r) {
        loss += r.loss() * r.size();
        classification += r.classificationLoss() * r.size();
        if (!Double.isNaN(r.saliencyLoss())) {
            saliency += r.saliencyLoss() * r.size();
            hasSaliency = true;
        }
        correct += r.correct();
        count += r.size();
    }

    public double accuracy() {
        return count == 0 ? Double.NaN : (double) correct / count;
    }

    /** {@code loss, classification_loss, saliency_loss, accuracy}, each prefixed. */
    public Map<String, Double> metrics(String prefix) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put(prefix + "loss", loss / count);
        m.put(prefix + "classification_loss", classification / count);
        m.put(prefix + "saliency_loss", hasSaliency ? saliency / count : Double.NaN);
        m.put(prefix + "accuracy", accuracy());
        return m;
    }
}
