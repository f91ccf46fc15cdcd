package io.gradlens.workflow.explain;

import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A model's output for one example.
 *
 * @param index    the example's index (see {@link SelectedExamples#index}), or -1 for a text
 * @param label    the true class, or null
 * @param text     the raw text, or null
 * @param tokens   the tokens the model read, or null
 * @param tokenIds their ids, or null
 * @param outputs  the model's outputs for this example (probabilities for softmax and sigmoid
 *                 heads, plain values for a linear head)
 */
public record Prediction(int index, Integer label, String text, List<String> tokens, int[] tokenIds,
                         INDArray outputs) {

    /** The most probable class (for a softmax head). */
    public int predicted() {
        double[] p = probabilities();
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The outputs as doubles, flattened. */
    public double[] probabilities() {
        return outputs.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').reshape(-1).toDoubleVector();
    }
}
