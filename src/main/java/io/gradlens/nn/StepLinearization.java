package io.gradlens.nn;

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
     * @return the cotangents of the projected input and of the previous state; the caller owns
     *     (and may close) these arrays
     */
    Cotangents pullBack(INDArray dh, INDArray dc);

    /**
     * Cotangents of a step's inputs.
     *
     * @param projectedInput of the projected input {@code x_t·kernel + bias}, [K, gates·H]
     * @param h              of h_{t-1}, [K, H]
     * @param c              of c_{t-1}, [K, H], or {@code null} for cells without a cell state
     */
    record Cotangents(INDArray projectedInput, INDArray h, INDArray c) {

        /**
         * Releases the native memory of the three arrays now instead of when the garbage collector
         * finds them (they must not be used afterwards). Views and arrays already released are
         * skipped, and an array that two fields share is released once.
         */
        public void close() {
            release(projectedInput);
            if (h != projectedInput) {
                release(h);
            }
            if (c != null && c != projectedInput && c != h) {
                release(c);
            }
        }

        private static void release(INDArray a) {
            if (!a.wasClosed() && a.closeable()) {
                a.close();
            }
        }
    }
}
