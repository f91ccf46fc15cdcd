package io.gradlens.nn;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Any model GradLens can open, explain and show, whatever its file format: a {@link Classifier}
 * (one input, class logits, or a plain output head) or a {@link MultiInputModel} (several named
 * inputs, one regression output). Front ends ask a model what it is ({@link #kind()}), what it reads
 * ({@link #describeInput()}) and what it outputs ({@link #outputNames()}) instead of special-casing
 * model types or file kinds.
 */
public sealed interface Model permits Classifier, MultiInputModel {

    /** What a model computes, as front ends describe it. */
    enum Kind {
        /** Class logits; probabilities are their softmax. */
        CLASSIFIER,
        /** Independent label logits; each probability is its own sigmoid. */
        MULTI_LABEL_CLASSIFIER,
        /** One input, plain output values (e.g. regression). */
        REGRESSION,
        /** Several named inputs, one regression value per row. */
        MULTI_INPUT_REGRESSION;

        /** Lower-case words for messages, e.g. {@code multi-input regression}. */
        public String description() {
            return name().toLowerCase(Locale.ROOT).replace("multi_", "multi-").replace('_', ' ');
        }
    }

    /** What this model computes. */
    Kind kind();

    /** A short description of the inputs, e.g. {@code images 28x28x1}. */
    String describeInput();

    /** The names of the outputs: class or label names, output feature names, or empty. */
    List<String> outputNames();

    /** Where the model came from (dataset, hyperparameters, seed, versions, import notes). */
    Map<String, Object> provenance();

    /** The floating-point type of the weights. */
    org.nd4j.linalg.api.buffer.DataType dtype();
}
