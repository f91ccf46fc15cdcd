package io.gradlens.workflow.influence;

import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.explain.influence.TracIn;
import java.util.Arrays;

/** How training examples are scored; display names belong to the front ends. */
public enum InfluenceMethod {
    /**
     * Representer points (Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720): every logit
     * decomposed over the training examples through the refitted last layer; needs only the final model.
     */
    REPRESENTER(RepresenterPoints.METHOD),
    /**
     * TracIn (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484): last-layer gradient dot
     * products summed over the checkpoints saved during training.
     */
    TRACIN(TracIn.METHOD);

    private final String id;

    InfluenceMethod(String id) {
        this.id = id;
    }

    /** The method's name on the command line, in JSON and in cache files. */
    public String id() {
        return id;
    }

    /**
     * The method called {@code id}.
     *
     * @throws IllegalArgumentException naming the unknown id and the known ones
     */
    public static InfluenceMethod parse(String id) {
        for (InfluenceMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown influence method '" + id + "'; use "
                + String.join(" or ", Arrays.stream(values()).map(InfluenceMethod::id).toList()));
    }
}
