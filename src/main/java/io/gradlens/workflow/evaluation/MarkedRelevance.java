package io.gradlens.workflow.evaluation;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.SelectedExamples;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How much of an explanation falls on what was marked "must not matter" (the fix-the-reasons
 * loop of Ross, Hughes and Doshi-Velez 2017, "Right for the Right Reasons",
 * <a href="https://arxiv.org/abs/1703.03717">arXiv:1703.03717</a>): the share of |attribution| on
 * the marked positions, Σ<sub>marked</sub> |s<sub>i</sub>| / Σ<sub>i</sub> |s<sub>i</sub>|. It is
 * the relevance mass of Arras, Osman and Samek 2022 (CLEVR-XAI,
 * <a href="https://arxiv.org/abs/2003.07258">arXiv:2003.07258</a>) taken over |scores| and over
 * the region that must not matter instead of the ground truth: 0 when the explanation ignores the
 * marks, 1 when it rests on them alone. Positions are marked where the dataset's relevance mask
 * (the edit list's marks, or a decoy dataset's planted masks) is below ½.
 */
public final class MarkedRelevance {

    /**
     * The mean share over the marked examples of a split.
     *
     * @param mean     mean of the finite shares (NaN when there is none)
     * @param examples how many examples carry a mark (and were explained)
     */
    public record Mean(double mean, int examples) {
        /** @return e.g. {@code 0.083} (three decimals), {@code –} for NaN */
        public String formatted() {
            return format(mean);
        }
    }

    private MarkedRelevance() {
    }

    /**
     * The share of |attribution| on the marked positions.
     *
     * @param scores one attribution per position (NaN and infinite scores are left out)
     * @param marked true where the position must not matter; positions beyond either array's end
     *               are left out (an explanation of a truncated text covers fewer positions)
     * @return Σ<sub>marked</sub> |s| / Σ |s| in [0, 1]; NaN when nothing is marked or every score is 0
     */
    public static double share(double[] scores, boolean[] marked) {
        int n = Math.min(scores.length, marked.length);
        double within = 0;
        double total = 0;
        boolean anyMark = false;
        for (int i = 0; i < n; i++) {
            anyMark |= marked[i];
            if (Double.isFinite(scores[i])) {
                double a = Math.abs(scores[i]);
                total += a;
                within += marked[i] ? a : 0;
            }
        }
        return anyMark && total > 0 ? within / total : Double.NaN;
    }

    /** @return a share with three decimals, {@code –} for NaN */
    public static String format(double share) {
        return Double.isNaN(share) ? "\u2013" : String.format(Locale.ROOT, "%.3f", share);
    }

    /**
     * The mean {@link #share} over the test examples of {@code data} that have a mark, each
     * explained by {@code method} for {@code target} in batches of {@code batchSize}, with progress
     * per batch and a cancellation check before each.
     *
     * @throws io.gradlens.workflow.explain.ModelDatasetMismatchException when the model cannot read the data
     */
    public static Mean onTestSplit(Classifier model, Dataset data, AttributionMethod method,
                                   AttributionTarget target, int batchSize, ProgressListener progress,
                                   CancellationToken cancel) {
        SelectedExamples all = ExampleSelection.split(model, data, "test", 0);
        List<Integer> markedIdx = new ArrayList<>();
        List<boolean[]> marks = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean[] m = mustNotMatter(data, all.index(i));
            if (m != null && anyTrue(m)) {
                markedIdx.add(i);
                marks.add(m);
            }
        }
        double sum = 0;
        int finite = 0;
        for (int from = 0; from < markedIdx.size(); from += batchSize) {
            cancel.throwIfCancelled();
            int to = Math.min(markedIdx.size(), from + batchSize);
            List<Attribution> maps = method.attribute(model, all.select(markedIdx.subList(from, to)).inputs(),
                    target);
            for (int k = 0; k < maps.size(); k++) {
                double s = share(maps.get(k).scores(), marks.get(from + k));
                if (!Double.isNaN(s)) {
                    sum += s;
                    finite++;
                }
            }
            progress.progress(to, markedIdx.size(), String.format(Locale.ROOT,
                    "Relevance on marked positions: %d/%d examples", to, markedIdx.size()));
        }
        return new Mean(finite == 0 ? Double.NaN : sum / finite, markedIdx.size());
    }

    /** @return per position of test example {@code index}: true where it must not matter; null without a mask */
    static boolean[] mustNotMatter(Dataset data, int index) {
        if (data instanceof TextDataset text) {
            float[] m = text.test().get(index).tokenRelevance();
            if (m == null) {
                return null;
            }
            boolean[] out = new boolean[m.length];
            for (int t = 0; t < m.length; t++) {
                out[t] = m[t] < 0.5f;
            }
            return out;
        }
        if (data instanceof ImageDataset images) {
            ImageSplit s = images.test();
            if (!s.hasMasks()) {
                return null;
            }
            int c = images.channels();
            float[] m = s.relevanceMasks()[index];
            boolean[] out = new boolean[m.length / c];
            for (int p = 0; p < out.length; p++) {
                out[p] = m[p * c] < 0.5f;
            }
            return out;
        }
        return null;
    }

    private static boolean anyTrue(boolean[] values) {
        for (boolean v : values) {
            if (v) {
                return true;
            }
        }
        return false;
    }
}
