package io.gradlens.explain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which units of a recurrent layer to follow one by one (as LSTMVis lets its users select hidden
 * units: Strobelt et al. 2018, "LSTMVis: A Tool for Visual Analysis of Hidden State Dynamics in
 * Recurrent Neural Networks", <a href="https://doi.org/10.1109/TVCG.2017.2744158">IEEE TVCG
 * 24(1)</a>): a set of unit indices, or the top k units of the current sequence ranked by
 * {@link Ranking}.
 *
 * @param units  the chosen units in order (empty when ranked)
 * @param top    k for a ranking, 0 for chosen units
 * @param rankBy the ranking, null for chosen units
 */
public record HiddenUnitSelection(List<Integer> units, int top, Ranking rankBy) {

    /** The most units one selection follows (each is a full set of map rows). */
    public static final int MAX_UNITS = 64;

    /** How units are ranked for "top k". */
    public enum Ranking {
        /**
         * Mean absolute activation over the sequence: (1/T) Σ_t |h_t,u|.
         */
        ACTIVATION("activation", "by activation"),
        /**
         * Gradient of the last hidden state, the one a classifier reads: ‖∂h_{T−1,u}/∂x‖ over all
         * input steps.
         */
        GRADIENT("gradient", "by gradient");

        private final String option;
        private final String label;

        Ranking(String option, String label) {
            this.option = option;
            this.label = label;
        }

        /** The command-line spelling, e.g. {@code activation}. */
        public String option() {
            return option;
        }

        /** How a person reads it, e.g. "by activation". */
        public String label() {
            return label;
        }

        /** Parses {@link #option()}; the message lists both. */
        public static Ranking parse(String text) {
            String s = text.trim().toLowerCase(Locale.ROOT);
            for (Ranking r : values()) {
                if (r.option.equals(s)) {
                    return r;
                }
            }
            throw new IllegalArgumentException("unknown ranking '" + text + "'; use activation or gradient");
        }
    }

    public HiddenUnitSelection {
        units = List.copyOf(units);
        if (rankBy == null) {
            if (units.isEmpty()) {
                throw new IllegalArgumentException("choose at least one unit");
            }
            if (units.size() > MAX_UNITS) {
                throw new IllegalArgumentException(units.size() + " units chosen; at most " + MAX_UNITS);
            }
            if (units.stream().distinct().count() != units.size()) {
                throw new IllegalArgumentException("unit chosen twice in " + units);
            }
            for (int u : units) {
                if (u < 0) {
                    throw new IllegalArgumentException("a unit index must be ≥ 0, got " + u);
                }
            }
        } else if (top < 1 || top > MAX_UNITS) {
            throw new IllegalArgumentException("the number of top units must be 1.." + MAX_UNITS + ", got " + top);
        }
    }

    /** Exactly these units. */
    public static HiddenUnitSelection of(int... units) {
        return new HiddenUnitSelection(Arrays.stream(units).boxed().toList(), 0, null);
    }

    /** The {@code k} units ranked highest by {@code by}. */
    public static HiddenUnitSelection top(int k, Ranking by) {
        return new HiddenUnitSelection(List.of(), k, by);
    }

    /**
     * Parses a comma-separated list of unit indices, e.g. {@code 3,17,42}.
     *
     * @throws IllegalArgumentException naming the entry that is not an integer
     */
    public static HiddenUnitSelection parse(String list) {
        List<Integer> units = new ArrayList<>();
        for (String part : list.split(",")) {
            String p = part.trim();
            try {
                units.add(Integer.parseInt(p));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + p + "' in the unit list '" + list + "' is not an integer");
            }
        }
        return new HiddenUnitSelection(units, 0, null);
    }

    /** Whether the units are ranked rather than chosen. */
    public boolean ranked() {
        return rankBy != null;
    }

    /** How a person reads it: "units 3, 17" or "top 5 units by gradient". */
    public String describe() {
        return ranked() ? "top " + top + " units " + rankBy.label()
                : (units.size() == 1 ? "unit " : "units ") + String.join(", ",
                        units.stream().map(String::valueOf).toList());
    }
}
