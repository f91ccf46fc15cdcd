package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A model with several named inputs and one regression output per row, such as {@link
 * PriceModel}. Explanations differentiate the output with respect to every input. The entry names
 * of each input ({@link #featureNames()}) are the columns of a tabular dataset it reads.
 */
public sealed interface MultiInputModel extends Model permits PriceModel {

    /** Input names in a stable order, each with its shape without the batch axis. */
    Map<String, long[]> inputShapes();

    /** The names of the entries of each input (e.g. column names), in order. */
    Map<String, List<String>> featureNames();

    /** The output [B, 1] for inputs [B, …] given by name. */
    Tensor forward(Map<String, Tensor> inputs, ForwardContext context);

    /** Every weight by {@code <layer>/<param>}. */
    Map<String, Tensor> parameters();

    /** {@link Model.Kind#MULTI_INPUT_REGRESSION}. */
    @Override
    default Kind kind() {
        return Kind.MULTI_INPUT_REGRESSION;
    }

    /** The inputs with their shapes, e.g. {@code inputs features [4], reference_price [1]}. */
    @Override
    default String describeInput() {
        return "inputs " + inputShapes().entrySet().stream()
                .map(e -> e.getKey() + " " + Arrays.toString(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** The one regression output, {@code output}. */
    @Override
    default List<String> outputNames() {
        return List.of("output");
    }
}
