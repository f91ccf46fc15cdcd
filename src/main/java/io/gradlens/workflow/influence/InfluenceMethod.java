package io.gradlens.workflow.influence;

import io.gradlens.explain.influence.ProjectedTracIn;
import io.gradlens.explain.influence.RepresenterPoints;
import io.gradlens.explain.influence.TracIn;
import java.util.Arrays;
import java.util.List;

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
    TRACIN(TracIn.METHOD),
    /**
     * TracIn over chosen layers (Pruthi et al. 2020) with every per-example, per-checkpoint gradient
     * compressed by a seeded Gaussian projection (TRAK, Park et al., ICML 2023,
     * https://arxiv.org/abs/2303.14186); settings in {@link TracInProjection}. The training side is
     * cached; the test side is computed from the checkpoints at query time.
     */
    TRACIN_PROJECTED(ProjectedTracIn.METHOD);

    private final String id;

    InfluenceMethod(String id) {
        this.id = id;
    }

    /** The method's name on the command line, in JSON and in cache files. */
    public String id() {
        return id;
    }

    /** Whether the method sums over the checkpoints saved during training ({@link InfluenceCheckpoints}). */
    public boolean needsCheckpoints() {
        return this != REPRESENTER;
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
        List<String> ids = Arrays.stream(values()).map(InfluenceMethod::id).toList();
        throw new IllegalArgumentException("unknown influence method '" + id + "'; use "
                + String.join(", ", ids.subList(0, ids.size() - 1)) + " or " + ids.get(ids.size() - 1));
    }
}
