package io.gradlens.explain.influence;

import java.util.List;

/**
 * Training examples ranked by how much they explain themselves, largest first: TracIn
 * self-influence {@code Σ_c η_c ‖∇θL(x_i)‖²} (Pruthi et al., NeurIPS 2020,
 * https://arxiv.org/abs/2002.08484) or the representer importance {@code |α_{i,y_i}|} (Yeh et al.,
 * NeurIPS 2018, https://arxiv.org/abs/1811.09720). Mislabelled examples tend to rank high.
 *
 * @param method {@code representer} or {@code tracin}
 * @param top    the highest-ranked examples
 * @param scores every training example's score, by training index
 */
public record SelfInfluenceRanking(String method, List<InfluenceRanking.Score> top, double[] scores) {

    public SelfInfluenceRanking {
        top = List.copyOf(top);
    }

    /** All training indices, highest score first. */
    public int[] order() {
        return Rankings.argsortDescending(scores);
    }

    static SelfInfluenceRanking of(String method, double[] scores, int[] labels, int k) {
        int[] order = Rankings.argsortDescending(scores);
        List<InfluenceRanking.Score> top = new java.util.ArrayList<>();
        for (int r = 0; r < Math.min(k, order.length); r++) {
            top.add(new InfluenceRanking.Score(order[r], labels[order[r]], scores[order[r]]));
        }
        return new SelfInfluenceRanking(method, top, scores.clone());
    }
}
