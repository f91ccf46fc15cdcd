package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.Embedding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Integrated gradients (Sundararajan, Taly and Yan 2017, "Axiomatic Attribution for Deep
 * Networks", <a href="https://arxiv.org/abs/1703.01365">arXiv:1703.01365</a>):
 * {@code (x − x') ⊙ ∫₀¹ ∂f/∂x (x' + α(x − x')) dα}, the integral approximated with {@code steps}
 * intervals by the trapezoid rule (α = 0, 1/m, …, 1; end points weighted ½; the default) or the
 * midpoint rule (α = (i + ½)/m). {@code f} is {@code log p_target} by default, or the logit.
 *
 * <p>Completeness says the element attributions sum to {@code f(x) − f(x')}. Every record carries
 * in its diagnostics {@code f_input}, {@code f_baseline}, {@code attribution_sum} (over all
 * elements, before aggregation) and {@code completeness_gap} = |attribution_sum − (f(x) − f(x'))|,
 * which shrinks like 1/m²; raise {@code steps} when it is not small against |f(x) − f(x')|.
 *
 * <p>The baseline x' is the zero embedding (text) or a black image by default; see {@link
 * Baseline}. Padding stays zero on the whole path, so it scores zero.
 */
public final class IntegratedGradients implements AttributionMethod {

    /** The quadrature rule for the path integral. */
    public enum Rule {
        /** α_i = i/m, i = 0..m, end points weighted 1/(2m). */
        TRAPEZOID,
        /** α_i = (i + ½)/m, i = 0..m−1, each weighted 1/m. */
        MIDPOINT;

        public String cliName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The reference input x'.
     *
     * @param kind    {@code zero}, {@code constant} (every element = value, e.g. a gray image) or
     *                {@code token} (text: every token replaced by the embedding of token id)
     * @param value   the constant
     * @param tokenId the token id
     */
    public record Baseline(String kind, double value, int tokenId) {
        public Baseline {
            if (!List.of("zero", "constant", "token").contains(kind)) {
                throw new IllegalArgumentException("unknown baseline '" + kind + "'; use zero, constant or token");
            }
        }

        /** The zero embedding, or a black image. */
        public static Baseline zero() {
            return new Baseline("zero", 0, -1);
        }

        /** Every element equal to {@code value}. */
        public static Baseline constant(double value) {
            return new Baseline("constant", value, -1);
        }

        /** Every token replaced by token {@code id}'s embedding (e.g. OOV). */
        public static Baseline token(int id) {
            return new Baseline("token", 0, id);
        }

        INDArray of(PreparedBatch batch) {
            switch (kind) {
                case "zero":
                    return batch.zeros();
                case "constant":
                    return batch.masked(Nd4j.valueArrayOf(batch.x.shape(), value, batch.x.dataType()));
                default:
                    if (!batch.model.isText()) {
                        throw new IllegalArgumentException("a token baseline needs a text model");
                    }
                    Embedding embedding = (Embedding) batch.network.layer(0);
                    if (tokenId < 0 || tokenId >= embedding.vocabularySize()) {
                        throw new IllegalArgumentException("baseline token id " + tokenId + " is outside the "
                                + "vocabulary of " + embedding.vocabularySize());
                    }
                    INDArray row = embedding.table().value().getRow(tokenId).dup().castTo(batch.x.dataType());
                    INDArray ones = Nd4j.ones(batch.x.dataType(), batch.x.size(0), batch.x.size(1), 1);
                    return batch.masked(ones.mul(row.reshape(1, 1, row.length())));
            }
        }

        Object describe() {
            return switch (kind) {
                case "zero" -> "zero";
                case "constant" -> "constant:" + value;
                default -> "token:" + tokenId;
            };
        }
    }

    private final int steps;
    private final Rule rule;
    private final Baseline baseline;
    private final Aggregation aggregation;
    private final ExplainedOutput output;

    public IntegratedGradients(int steps, Rule rule, Baseline baseline, Aggregation aggregation,
                               ExplainedOutput output) {
        if (steps < 1) {
            throw new IllegalArgumentException("integrated gradients needs at least 1 step, got " + steps);
        }
        this.steps = steps;
        this.rule = java.util.Objects.requireNonNull(rule, "rule");
        this.baseline = java.util.Objects.requireNonNull(baseline, "baseline");
        this.aggregation = java.util.Objects.requireNonNull(aggregation, "aggregation");
        this.output = java.util.Objects.requireNonNull(output, "output");
    }

    /** 50 trapezoid steps from the zero baseline, summed per token, of log p_target. */
    public static IntegratedGradients withSteps(int steps) {
        return new IntegratedGradients(steps, Rule.TRAPEZOID, Baseline.zero(), Aggregation.SUM,
                ExplainedOutput.LOG_PROBABILITY);
    }

    @Override
    public String name() {
        return "integrated-gradients";
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("steps", steps);
        p.put("rule", rule.cliName());
        p.put("baseline", baseline.describe());
        p.put("aggregate", aggregation.cliName());
        p.put("output", output.cliName());
        return p;
    }

    @Override
    public List<Attribution> attribute(Classifier model, AttributionInputs inputs, AttributionTarget target) {
        PreparedBatch batch = PreparedBatch.of(model, inputs, target);
        INDArray reference = baseline.of(batch);
        INDArray delta = batch.x.sub(reference);
        int points = rule == Rule.TRAPEZOID ? steps + 1 : steps;
        INDArray integral = batch.zeros();
        int perPass = InputGradient.variantsPerPass(batch.size());
        for (int from = 0; from < points; from += perPass) {
            List<INDArray> variants = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int i = from; i < Math.min(points, from + perPass); i++) {
                double alpha = rule == Rule.TRAPEZOID ? (double) i / steps : (i + 0.5) / steps;
                double w = 1.0 / steps;
                if (rule == Rule.TRAPEZOID && (i == 0 || i == steps)) {
                    w /= 2;
                }
                variants.add(reference.add(delta.mul(alpha)));
                weights.add(w);
            }
            InputGradient.Evaluation[] e = InputGradient.evaluateStacked(batch, variants, output);
            for (int k = 0; k < e.length; k++) {
                integral.addi(e[k].gradient().mul(weights.get(k)));
            }
        }
        INDArray elements = batch.masked(delta.mul(integral));
        InputGradient.Evaluation[] ends = InputGradient.evaluateStacked(batch, List.of(batch.x, reference), output);
        INDArray perExample = elements.castTo(DataType.DOUBLE).reshape(batch.size(), -1).sum(1);
        List<Map<String, Double>> diagnostics = new ArrayList<>();
        for (int b = 0; b < batch.size(); b++) {
            double sum = perExample.getDouble(b);
            double fx = ends[0].values()[b];
            double fb = ends[1].values()[b];
            Map<String, Double> d = new LinkedHashMap<>();
            d.put("f_input", fx);
            d.put("f_baseline", fb);
            d.put("attribution_sum", sum);
            d.put("completeness_gap", Math.abs(sum - (fx - fb)));
            diagnostics.add(d);
        }
        return batch.toAttributions(elements, aggregation, name(), parameters(), diagnostics);
    }
}
