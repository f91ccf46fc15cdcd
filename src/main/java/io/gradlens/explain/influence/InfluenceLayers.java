package io.gradlens.explain.influence;

import io.gradlens.nn.Bidirectional;
import io.gradlens.nn.Dense;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.Layer;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.nn.Sequential;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which layers' weights an all-layer TracIn (Pruthi et al., NeurIPS 2020,
 * https://arxiv.org/abs/2002.08484) takes its gradients over: any of {@code embedding},
 * {@code recurrent} (LSTM, GRU, simple RNN and their bidirectional wrappers) and {@code dense}, or
 * {@code all} (every weight of the model, convolutions included).
 *
 * @param kinds the chosen kinds; empty means every layer
 */
public record InfluenceLayers(Set<Kind> kinds) {

    /** A kind of layer. */
    public enum Kind { EMBEDDING, RECURRENT, DENSE }

    /** Every weight of the model. */
    public static final InfluenceLayers ALL = new InfluenceLayers(EnumSet.noneOf(Kind.class));

    public InfluenceLayers {
        kinds = kinds.isEmpty() ? EnumSet.noneOf(Kind.class) : EnumSet.copyOf(kinds);
    }

    /**
     * Parses {@code all} or a comma-separated list of {@code embedding}, {@code recurrent}, {@code dense}.
     *
     * @throws IllegalArgumentException naming the unknown entry
     */
    public static InfluenceLayers parse(String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("all")) {
            return ALL;
        }
        EnumSet<Kind> k = EnumSet.noneOf(Kind.class);
        for (String part : s.split(",")) {
            try {
                k.add(Kind.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown layer kind '" + part.trim()
                        + "'; use all or a comma-separated list of embedding, recurrent, dense");
            }
        }
        return new InfluenceLayers(k);
    }

    /** The canonical spelling ({@code all} or the kinds in a fixed order), as in cache keys. */
    public String id() {
        if (kinds.isEmpty()) {
            return "all";
        }
        return String.join(",", kinds.stream().map(k -> k.name().toLowerCase(Locale.ROOT)).toList());
    }

    /**
     * The {@code <layer>/<param>} names of the chosen weights of {@code model}, in layer order.
     *
     * @throws IllegalArgumentException when the model has no such weights
     */
    public List<String> parameterNames(Sequential model) {
        List<String> names = new ArrayList<>();
        for (Layer l : model.layers()) {
            if (chosen(l)) {
                for (String p : l.parameters().keySet()) {
                    names.add(l.name() + "/" + p);
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the model has no " + id() + " layer with weights; layers: "
                    + model.layers().stream().map(Layer::type).toList());
        }
        return names;
    }

    private boolean chosen(Layer l) {
        if (kinds.isEmpty()) {
            return true;
        }
        Kind k = l instanceof Embedding ? Kind.EMBEDDING
                : l instanceof RecurrentLayer || l instanceof Bidirectional ? Kind.RECURRENT
                : l instanceof Dense ? Kind.DENSE : null;
        return k != null && kinds.contains(k);
    }
}
