package io.gradlens.explain;

import java.util.List;

/**
 * Input sensitivity of a model over a set of rows: one {@link InputGroupSensitivity} per input.
 *
 * @param output the differentiated output, e.g. {@code regression} or {@code logprob[predicted]}
 * @param rows   number of rows
 * @param inputs per input, in the model's input order
 */
public record SensitivityReport(String output, int rows, List<InputGroupSensitivity> inputs) {

    public SensitivityReport {
        inputs = List.copyOf(inputs);
    }

    /** The sensitivity to the named input. */
    public InputGroupSensitivity input(String name) {
        return inputs.stream().filter(i -> i.input().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input '" + name + "'"));
    }
}
