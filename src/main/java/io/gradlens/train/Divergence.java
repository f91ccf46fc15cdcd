package io.gradlens.train;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.FiniteValues;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The training loops' divergence checks: a batch's loss must be finite (a scalar the loop reads
 * anyway), and after every epoch each weight must be finite and at most {@link #WEIGHT_BOUND} in
 * absolute value (one ND4J reduction per parameter and condition). The last epoch's check is the
 * check before saving: a diverged run throws {@link TrainingDivergedException} and returns no model.
 */
public final class Divergence {

    /**
     * The largest absolute weight a healthy run keeps. Trained weights are of order 1 (rarely past
     * 1e3); past 1e15 a float32 product of two such weights (1e30) is a step from overflowing
     * (3.4e38), so the run has diverged even though every value is still finite.
     */
    public static final double WEIGHT_BOUND = 1e15;

    private Divergence() {
    }

    /**
     * Checks one batch's loss.
     *
     * @param learningRate the optimizer's, for the suggestion
     * @throws TrainingDivergedException when {@code loss} is NaN or infinite
     */
    public static void checkLoss(double loss, int epoch, int batch, double learningRate) {
        if (!Double.isFinite(loss)) {
            throw new TrainingDivergedException(epoch, batch, "training diverged at epoch " + epoch + ", batch "
                    + batch + ": the loss became " + loss + "; " + advice(learningRate));
        }
    }

    /**
     * Checks every weight after {@code batch} of {@code epoch}.
     *
     * @throws TrainingDivergedException naming the first weight that is non-finite or past the bound
     */
    public static void checkWeights(Map<String, Tensor> parameters, int epoch, int batch, double learningRate) {
        for (Map.Entry<String, Tensor> e : parameters.entrySet()) {
            if (withinBound(e.getValue().value())) {
                continue;
            }
            double max = FiniteValues.maxAbs(e.getValue().value());
            if (!(max <= WEIGHT_BOUND)) {
                String what = Double.isFinite(max) ? "reached |w| = " + (float) max + " (past " + WEIGHT_BOUND + ")"
                        : "became " + (Double.isNaN(max) ? "NaN" : "infinite");
                throw new TrainingDivergedException(epoch, batch, "training diverged at epoch " + epoch + ", batch "
                        + batch + ": weight '" + e.getKey() + "' " + what + "; " + advice(learningRate));
            }
        }
    }

    /**
     * The common case in two plain reductions: a finite sum proves every value finite (a NaN or an
     * infinity makes the sum NaN or infinite), and then the largest magnitude is compared with the
     * bound. ND4J's condition counts of {@link FiniteValues#maxAbs} cost ten times as much (7 ms for
     * a 784×128 kernel on the shared 2-core machine), so they run only when this check fails, to
     * name what went wrong.
     */
    static boolean withinBound(org.nd4j.linalg.api.ndarray.INDArray weights) {
        if (weights.length() == 0) {
            return true;
        }
        return Double.isFinite(weights.sumNumber().doubleValue())
                && weights.amaxNumber().doubleValue() <= WEIGHT_BOUND;
    }

    /** What to try instead: a learning rate ten times lower, or Adam. */
    static String advice(double learningRate) {
        return "lower the learning rate (--lr) about 10x, e.g. to "
                + BigDecimal.valueOf(learningRate).movePointLeft(1).stripTrailingZeros() + ", or use --optimizer adam";
    }
}
