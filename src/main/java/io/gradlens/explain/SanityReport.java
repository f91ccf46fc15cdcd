package io.gradlens.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a cascading model randomisation test (Adebayo et al. 2018): one {@link
 * SanityStep} per re-initialised layer, from the output layer down to the whole network.
 *
 * @param method     the saliency method tested
 * @param parameters its parameters and the randomisation seed
 * @param examples   number of examples compared
 * @param steps      the cascade, one more layer randomised per step
 */
public record SanityReport(String method, Map<String, Object> parameters, int examples, List<SanityStep> steps) {

    public SanityReport {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        steps = List.copyOf(steps);
    }

    /** The last step: every layer with weights randomised. */
    public SanityStep fullyRandomized() {
        return steps.get(steps.size() - 1);
    }
}
