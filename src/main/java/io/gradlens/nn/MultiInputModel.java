package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.List;
import java.util.Map;

/**
 * A model with several named inputs and one regression output per row, such as {@link
 * PriceModel}. Explanations differentiate the output with respect to every input.
 */
public interface MultiInputModel {

    /** Input names in a stable order, each with its shape without the batch axis. */
    Map<String, long[]> inputShapes();

    /** The names of the entries of each input (e.g. column names), in order. */
    Map<String, List<String>> featureNames();

    /** The output [B, 1] for inputs [B, …] given by name. */
    Tensor forward(Map<String, Tensor> inputs, ForwardContext context);

    /** Every weight by {@code <layer>/<param>}. */
    Map<String, Tensor> parameters();

    /** The floating-point type of the weights. */
    org.nd4j.linalg.api.buffer.DataType dtype();
}
