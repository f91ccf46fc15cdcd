package io.gradlens.train;

import java.util.Map;

/** Receives metrics while a model trains (on the training thread). */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * After each batch, while the step's arrays are still alive. The arrays of {@code result}
     * (its gradients) may live in the step's ND4J workspace ({@code StepWorkspace}), which the next
     * step overwrites: read numbers from them here, never keep them.
     *
     * @param epoch   1-based epoch
     * @param batch   1-based batch within the epoch
     * @param batches batches per epoch
     * @param result  the batch's loss parts and accuracy
     */
    default void onBatch(int epoch, int batch, int batches, StepResult result) {
    }

    /** After each epoch, with {@code loss, classification_loss, saliency_loss, accuracy} and {@code val_} twins. */
    default void onEpoch(int epoch, Map<String, Double> metrics) {
    }
}
