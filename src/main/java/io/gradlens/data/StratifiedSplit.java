package io.gradlens.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Seeded stratified train/test split. Each stratum (usually a class) gives {@code floor(n_s · f)}
 * test examples, plus one for the strata with the largest remainders until the test set has
 * {@code round(n · f)} examples. The same strata, fraction and seed always give the same split.
 */
public final class StratifiedSplit {

    private StratifiedSplit() {
    }

    /** For each example, whether it goes to the test set. */
    public static boolean[] testMask(int[] strata, double testFraction, long seed) {
        if (!(testFraction >= 0 && testFraction <= 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1], got " + testFraction);
        }
        TreeMap<Integer, List<Integer>> byStratum = new TreeMap<>();
        for (int i = 0; i < strata.length; i++) {
            byStratum.computeIfAbsent(strata[i], s -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> groups = new ArrayList<>(byStratum.values());
        int[] quota = new int[groups.size()];
        double[] remainder = new double[groups.size()];
        int assigned = 0;
        for (int g = 0; g < groups.size(); g++) {
            double exact = groups.get(g).size() * testFraction;
            quota[g] = (int) Math.floor(exact);
            remainder[g] = exact - quota[g];
            assigned += quota[g];
        }
        List<Integer> byRemainder = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            byRemainder.add(g);
        }
        byRemainder.sort(Comparator.comparingDouble((Integer g) -> -remainder[g]).thenComparing(g -> g));
        long missing = Math.round(strata.length * testFraction) - assigned;
        for (int k = 0; k < missing && k < byRemainder.size(); k++) {
            quota[byRemainder.get(k)]++;
        }
        SplittableRandom random = new SplittableRandom(seed);
        boolean[] test = new boolean[strata.length];
        for (int g = 0; g < groups.size(); g++) {
            List<Integer> members = new ArrayList<>(groups.get(g));
            for (int k = 0; k < quota[g]; k++) { // partial Fisher-Yates: the first quota[g] are a uniform sample
                int j = k + random.nextInt(members.size() - k);
                Integer swap = members.get(k);
                members.set(k, members.get(j));
                members.set(j, swap);
                test[members.get(k)] = true;
            }
        }
        return test;
    }
}
