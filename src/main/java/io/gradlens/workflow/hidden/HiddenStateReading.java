package io.gradlens.workflow.hidden;

import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenUnitCurves;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything the Hidden state tab shows of one text: the T&times;T map (of the mean over units, or
 * of the first selected unit), the selected units' curves, the model's prediction and which
 * tokens its vocabulary does not know.
 *
 * @param map             the map, the curve c[t] and r(h_t) of its reduction
 * @param units           the selected units' h_t,u and curves, null for the mean over units
 * @param predictedClass  the most probable class, null for a model without class probabilities
 * @param probability     its probability (NaN without one)
 * @param outOfVocabulary positions of the tokens read as the model's out-of-vocabulary id
 */
public record HiddenStateReading(HiddenStateGradientMap map, HiddenUnitCurves units, String predictedClass,
                                 double probability, Set<Integer> outOfVocabulary) {

    public HiddenStateReading {
        Objects.requireNonNull(map, "map");
        outOfVocabulary = Set.copyOf(outOfVocabulary);
        for (int i : outOfVocabulary) {
            if (i < 0 || i >= map.steps()) {
                throw new IllegalArgumentException("out-of-vocabulary position " + i + " outside 0.." + (map.steps() - 1));
            }
        }
    }

    /** @return the tokens as the model read them */
    public List<String> tokens() {
        return map.tokens();
    }
}
