package io.gradlens.workflow.hidden;

import io.gradlens.explain.HiddenStateCurves;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The hidden-state curves of a seeded sample of sequences, one r(h_t) and one c[t] per sequence
 * (the T×T maps are not kept: a long document's map alone holds megabytes), with their step-wise
 * summaries: mean and standard deviation ({@link #curves()}, as {@code hidden-grad --dataset}
 * writes them) and the quantile band ({@link CurveBand}, as the workbench draws it).
 *
 * @param layer     the recurrent layer
 * @param reduction the reduction of h_t
 * @param texts     the sampled texts, in drawing order
 * @param hidden    r(h_t) of each sampled text
 * @param gradient  c[t] of each sampled text
 */
public record HiddenStateSample(String layer, String reduction, List<String> texts, List<double[]> hidden,
                                List<double[]> gradient) {

    /** Default quantiles of the band: the 10th and 90th percentile. */
    public static final double LOW = 0.1;
    /** Upper quantile of the band. */
    public static final double HIGH = 0.9;

    public HiddenStateSample {
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(reduction, "reduction");
        texts = List.copyOf(texts);
        hidden = copy(hidden);
        gradient = copy(gradient);
        if (texts.isEmpty() || hidden.size() != texts.size() || gradient.size() != texts.size()) {
            throw new IllegalArgumentException("a sample needs one hidden and one gradient curve per text, got "
                    + texts.size() + " texts, " + hidden.size() + " and " + gradient.size() + " curves");
        }
    }

    private static List<double[]> copy(List<double[]> curves) {
        List<double[]> out = new ArrayList<>(curves.size());
        curves.forEach(c -> out.add(c.clone()));
        return List.copyOf(out);
    }

    /** Number of sampled sequences. */
    public int sequences() {
        return texts.size();
    }

    /** The gradient curves' mean and standard deviation per step ({@link HiddenStateCurves#average}). */
    public HiddenStateCurves curves() {
        return HiddenStateCurves.average(layer, reduction, gradient);
    }

    /** The 10th–90th percentile band of r(h_t). */
    public CurveBand hiddenBand() {
        return CurveBand.of(hidden, LOW, HIGH);
    }

    /** The 10th–90th percentile band of c[t]. */
    public CurveBand gradientBand() {
        return CurveBand.of(gradient, LOW, HIGH);
    }

    @Override
    public List<double[]> hidden() {
        return copy(hidden);
    }

    @Override
    public List<double[]> gradient() {
        return copy(gradient);
    }
}
