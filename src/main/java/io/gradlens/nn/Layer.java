package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.Map;

/**
 * One layer of a network. Trainable weights are tensor variables in Keras layouts (see the
 * package documentation), so a tape watches them automatically.
 */
public interface Layer {

    /** A name unique within its model, used for weight names {@code <layer>/<param>}. */
    String name();

    /** The layer's type in model files, e.g. {@code lstm}. */
    String type();

    /** Applies the layer to a batch. */
    Tensor forward(Tensor input, ForwardContext context);

    /** The weights by parameter name (e.g. {@code kernel}), in a stable order; empty if none. */
    Map<String, Tensor> parameters();

    /** The hyperparameters that rebuild this layer, as JSON-compatible values. */
    Map<String, Object> config();

    /** The output shape without the batch axis, for an input shape without the batch axis. */
    long[] outputShape(long[] inputShape);
}
