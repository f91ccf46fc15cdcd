package io.gradlens.explain.evaluation;

import java.util.List;

/**
 * The parameters of the metrics, checked at the door with messages that name the option.
 *
 * @param stepPercent   k of the deletion and insertion curves, in (0, 100]
 * @param binsPercent   the ERASER bins, each in (0, 100]
 * @param perturbations perturbations per example of infidelity and max-sensitivity (≥ 1)
 * @param radius        the L∞ radius of max-sensitivity (&gt; 0)
 * @param seed          seeds the random baseline and the perturbations
 */
public record MetricSettings(double stepPercent, List<Double> binsPercent, int perturbations, double radius,
                             long seed) {

    /** Default k of the curves: 10 %. */
    public static final String DEFAULT_STEP = "10";
    /** Default ERASER bins. */
    public static final String DEFAULT_BINS = "1,5,10,20,50";
    /** Default perturbations per example. */
    public static final String DEFAULT_PERTURBATIONS = "20";
    /** Default radius of max-sensitivity (Captum's {@code perturb_radius}). */
    public static final String DEFAULT_RADIUS = "0.02";

    /** Checks every value. */
    public MetricSettings {
        if (!(stepPercent > 0 && stepPercent <= 100)) {
            throw new IllegalArgumentException("--step must be in (0, 100] percent, got " + stepPercent);
        }
        binsPercent = List.copyOf(binsPercent);
        if (binsPercent.isEmpty()) {
            throw new IllegalArgumentException("--bins needs at least one percentage");
        }
        for (double q : binsPercent) {
            if (!(q > 0 && q <= 100)) {
                throw new IllegalArgumentException("--bins must be percentages in (0, 100], got " + q);
            }
        }
        if (perturbations < 1) {
            throw new IllegalArgumentException("--perturbations must be ≥ 1, got " + perturbations);
        }
        if (!(radius > 0) || !Double.isFinite(radius)) {
            throw new IllegalArgumentException("--radius must be > 0, got " + radius);
        }
    }

    /** The defaults with {@code seed}. */
    public static MetricSettings defaults(long seed) {
        return new MetricSettings(Double.parseDouble(DEFAULT_STEP), EraserBins.STANDARD,
                Integer.parseInt(DEFAULT_PERTURBATIONS), Double.parseDouble(DEFAULT_RADIUS), seed);
    }
}
