package io.gradlens.explain.evaluation;

/** The check shared by the ground-truth metrics. */
final class GroundTruth {

    private GroundTruth() {
    }

    static void require(EvaluationContext context, String metric) {
        if (context.masks() == null) {
            throw new IllegalArgumentException("--metric " + metric + " needs ground-truth masks, which this dataset "
                    + "does not have");
        }
    }
}
