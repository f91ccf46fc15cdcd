package io.gradlens.explain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A score per token of one text. Padding never appears here: a batch is padded internally and the
 * padded positions are dropped; a PAD id given explicitly scores exactly 0.
 *
 * @param tokens        the tokens as the user wrote them (out-of-vocabulary words included)
 * @param tokenIds      their ids in the model's vocabulary
 * @param scores        one score per token
 * @param target        the explained class
 * @param probabilities the model's class probabilities
 * @param method        the method's name
 * @param parameters    the method's parameters
 * @param diagnostics   per-example numbers (e.g. {@code completeness_gap})
 */
public record TokenAttribution(List<String> tokens, int[] tokenIds, double[] scores, int target,
                               double[] probabilities, String method, Map<String, Object> parameters,
                               Map<String, Double> diagnostics) implements Attribution {

    public TokenAttribution {
        tokens = List.copyOf(tokens);
        tokenIds = tokenIds.clone();
        scores = scores.clone();
        probabilities = probabilities.clone();
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        diagnostics = Collections.unmodifiableMap(new LinkedHashMap<>(diagnostics));
        if (tokens.size() != tokenIds.length || tokens.size() != scores.length) {
            throw new IllegalArgumentException(tokens.size() + " tokens, " + tokenIds.length + " ids and "
                    + scores.length + " scores must agree");
        }
    }

    @Override
    public int[] tokenIds() {
        return tokenIds.clone();
    }

    @Override
    public double[] scores() {
        return scores.clone();
    }

    @Override
    public double[] probabilities() {
        return probabilities.clone();
    }
}
