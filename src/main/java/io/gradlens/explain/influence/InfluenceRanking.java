package io.gradlens.explain.influence;

import java.util.List;

/**
 * The training examples that most support ({@code proponents}, positive scores, largest first)
 * and most oppose ({@code opponents}, negative scores, most negative first) one prediction.
 *
 * @param method      {@code representer} or {@code tracin}
 * @param testIndex   the explained test example
 * @param classIndex  the explained class
 * @param proponents  top-k positive influences
 * @param opponents   top-k negative influences
 * @param millis      time the query took, in milliseconds
 */
public record InfluenceRanking(String method, int testIndex, int classIndex, List<Score> proponents,
                               List<Score> opponents, double millis) {

    /**
     * One training example's influence.
     *
     * @param trainIndex index in the training set
     * @param label      its (given) label
     * @param score      its influence on the explained output
     */
    public record Score(int trainIndex, int label, double score) {
    }

    public InfluenceRanking {
        proponents = List.copyOf(proponents);
        opponents = List.copyOf(opponents);
    }

    /** Proponents and opponents from a full score vector: the k largest positive and k most negative. */
    static InfluenceRanking of(String method, int testIndex, int classIndex, double[] scores, int[] labels, int k,
                               double millis) {
        int[] order = Rankings.argsortDescending(scores);
        List<Score> pro = new java.util.ArrayList<>();
        for (int r = 0; r < order.length && pro.size() < k && scores[order[r]] > 0; r++) {
            pro.add(new Score(order[r], labels[order[r]], scores[order[r]]));
        }
        List<Score> opp = new java.util.ArrayList<>();
        for (int r = order.length - 1; r >= 0 && opp.size() < k && scores[order[r]] < 0; r--) {
            opp.add(new Score(order[r], labels[order[r]], scores[order[r]]));
        }
        return new InfluenceRanking(method, testIndex, classIndex, pro, opp, millis);
    }
}
