package io.gradlens.explain.evaluation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The registry of faithfulness metrics: their names (the command line's {@code --metric}, the
 * workbench's table) and how each is built from {@link MetricSettings}. {@code all} selects every
 * metric; metrics that do not apply to a dataset are reported as skipped, with the reason.
 */
public final class FaithfulnessMetrics {

    /** Every metric's name, in table order. */
    public static final List<String> NAMES = List.of(Deletion.NAME, Insertion.NAME, Comprehensiveness.NAME,
            Sufficiency.NAME, RelevanceMass.NAME, RankAccuracy.NAME, Infidelity.NAME, MaxSensitivity.NAME);

    private FaithfulnessMetrics() {
    }

    /**
     * The metrics named (each a metric name or {@code all}), in table order without repeats.
     *
     * @throws IllegalArgumentException naming {@code --metric} and the known names
     */
    public static List<FaithfulnessMetric> create(List<String> names, MetricSettings s) {
        LinkedHashSet<String> chosen = new LinkedHashSet<>();
        for (String n : names) {
            String name = n.trim();
            if (name.equals("all")) {
                chosen.addAll(NAMES);
            } else if (NAMES.contains(name)) {
                chosen.add(name);
            } else {
                throw new IllegalArgumentException("unknown --metric '" + name + "'; use all or one of "
                        + String.join(", ", NAMES));
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("--metric needs at least one metric");
        }
        List<FaithfulnessMetric> out = new ArrayList<>();
        for (String name : NAMES) {
            if (chosen.contains(name)) {
                out.add(build(name, s));
            }
        }
        return out;
    }

    private static FaithfulnessMetric build(String name, MetricSettings s) {
        return switch (name) {
            case Deletion.NAME -> new Deletion(s.stepPercent());
            case Insertion.NAME -> new Insertion(s.stepPercent());
            case Comprehensiveness.NAME -> new Comprehensiveness(s.binsPercent());
            case Sufficiency.NAME -> new Sufficiency(s.binsPercent());
            case RelevanceMass.NAME -> new RelevanceMass();
            case RankAccuracy.NAME -> new RankAccuracy();
            case Infidelity.NAME -> new Infidelity(s.perturbations(), s.seed());
            case MaxSensitivity.NAME -> new MaxSensitivity(s.radius(), s.perturbations(), s.seed());
            default -> throw new IllegalStateException(name);
        };
    }
}
