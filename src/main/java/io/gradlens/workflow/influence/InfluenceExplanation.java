package io.gradlens.workflow.influence;

import io.gradlens.explain.influence.InfluenceRanking;
import java.util.Objects;

/**
 * The answer to one proponents/opponents query of a {@link PreparedInfluence}.
 *
 * @param testIndex the explained test example's position in the (edited) test split
 * @param testLabel its label
 * @param predicted the model's predicted class for it
 * @param ranking   the proponents and opponents of the explained class ({@link InfluenceRanking#classIndex()})
 */
public record InfluenceExplanation(int testIndex, int testLabel, int predicted, InfluenceRanking ranking) {

    public InfluenceExplanation {
        Objects.requireNonNull(ranking, "ranking");
    }

    /** The explained class. */
    public int explainedClass() {
        return ranking.classIndex();
    }
}
