package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.List;
import java.util.Map;

/**
 * A saliency method: one class per method (as in Captum's {@code captum/attr/_core}), configured
 * at construction, with one verb.
 */
public interface AttributionMethod {

    /** The method's name in exports and on the command line, e.g. {@code gradient}. */
    String name();

    /** The parameters that reproduce this method's numbers. */
    Map<String, Object> parameters();

    /**
     * Explains {@code target} for every example, one record per example in input order. The whole
     * batch shares each tape pass.
     *
     * @throws IllegalArgumentException if the inputs do not fit the model (naming the problem)
     */
    List<Attribution> attribute(Classifier model, AttributionInputs inputs, AttributionTarget target);

    /** Texts for a text model; see {@link AttributionInputs#texts}. */
    default List<Attribution> attributeTexts(Classifier model, List<String> texts, AttributionTarget target) {
        return attribute(model, AttributionInputs.texts(model, texts), target);
    }
}
