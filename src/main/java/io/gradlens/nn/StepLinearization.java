package io.gradlens.nn;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The linearisation of one recurrent step around the states of a recorded forward pass ({@link
 * RecurrentTrace}): it pulls a batch of cotangents of the step's outputs back to its inputs, one
 * vector-Jacobian product per row, with the same Jacobian for every row. Explanation methods use it
 * to push many independent seeds backwards through a recurrence at once (hidden-state maps).
 */
public interface StepLinearization {

    /**
     * Pulls cotangents of the step's new state back to its inputs.
     *
     * @param dh cotangents of h_t, [K, H]
     * @param dc cotangents of c_t, [K, H], or {@code null} when they are zero or the cell has no c
     * @return the cotangents of the step's input x_t and of the previous state; the caller owns
     *     them and may {@link Cotangents#close() close} them
     */
    Cotangents pullBack(INDArray dh, INDArray dc);

    /**
     * Cotangents of a step's inputs.
     *
     * @param input   of the layer's input x_t, [K, E]
     * @param h       of h_{t-1}, [K, H]
     * @param c       of c_{t-1}, [K, H], or {@code null} for cells without a cell state
     * @param storage the arrays that hold the three (they may be views of these)
     */
    record Cotangents(INDArray input, INDArray h, INDArray c, List<INDArray> storage) {

        /**
         * Releases the native memory of the storage now instead of when the garbage collector finds
         * its small Java wrappers; the cotangents must not be used afterwards.
         */
        public void close() {
            for (INDArray a : storage) {
                if (!a.wasClosed() && a.closeable()) {
                    a.close();
                }
            }
        }
    }
}
