package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import java.util.List;
import java.util.Map;

/**
 * The registry of attribution methods: each method publishes here, once, its command line name,
 * display name, paper and parameters (types, defaults, ranges, messages), and how it is built.
 * The command line's options, the workbench's saliency controls and export provenance all read
 * it, so a default or a message cannot differ between them. Adding a method is its class plus one
 * entry in {@link #all()}.
 *
 * <p>The {@code DEFAULT_*} constants exist because picocli's annotations need compile-time
 * constants; the descriptors are built from the same constants.
 */
public final class AttributionMethods {

    /** Default of {@code aggregate}. */
    public static final String DEFAULT_AGGREGATE = "sum";
    /** Default of {@code output}. */
    public static final String DEFAULT_OUTPUT = "logprob";
    /** Default of {@code steps} (integrated gradients). */
    public static final String DEFAULT_STEPS = "50";
    /** Default of {@code rule} (integrated gradients). */
    public static final String DEFAULT_RULE = "trapezoid";
    /** Default of {@code baseline} (integrated gradients). */
    public static final String DEFAULT_BASELINE = "zero";
    /** Default of {@code samples} (SmoothGrad). */
    public static final String DEFAULT_SAMPLES = "25";
    /**
     * Default of {@code noise} (SmoothGrad): σ = 0.15 of each example's value range, the middle of
     * the 10–20% noise level that Smilkov et al. 2017 recommend (it was the command line's default;
     * the workbench's 0.1 was the lower end of that band).
     */
    public static final String DEFAULT_NOISE = "0.15";
    /** Default of {@code noise-scale} (SmoothGrad). */
    public static final String DEFAULT_NOISE_SCALE = "relative";
    /** Default of {@code method-seed} (SmoothGrad). */
    public static final String DEFAULT_METHOD_SEED = "0";
    /** The default method. */
    public static final String DEFAULT_METHOD = "gradient";

    private static final MethodParameter AGGREGATE = MethodParameter.choice("aggregate", "Aggregation",
            DEFAULT_AGGREGATE, List.of("sum", "l2", "abs-sum"), "Per token/pixel: sum, l2 or abs-sum.");
    private static final MethodParameter OUTPUT = MethodParameter.choice("output", "Explained output",
            DEFAULT_OUTPUT, List.of("logprob", "logit"), "Explained scalar: logprob (log p of the target) or logit.");
    private static final MethodParameter STEPS = MethodParameter.integer("steps", "Steps", DEFAULT_STEPS, 1,
            100_000, "Integrated gradients: intervals of the path integral.");
    private static final MethodParameter RULE = MethodParameter.choice("rule", "Rule", DEFAULT_RULE,
            List.of("trapezoid", "midpoint"), "Integrated gradients: trapezoid or midpoint.");
    private static final MethodParameter BASELINE = MethodParameter.text("baseline", "Baseline", DEFAULT_BASELINE,
            "Integrated gradients: zero (zero embedding / black image), a number (every element), or token:WORD "
                    + "(text).");
    private static final MethodParameter SAMPLES = MethodParameter.integer("samples", "Samples", DEFAULT_SAMPLES, 1,
            100_000, "SmoothGrad: noisy samples.");
    private static final MethodParameter NOISE = MethodParameter.number("noise", "\u03c3", DEFAULT_NOISE, 0,
            Double.MAX_VALUE, "SmoothGrad: noise \u03c3 (see --noise-scale).");
    private static final MethodParameter NOISE_SCALE = MethodParameter.choice("noise-scale", "Noise scale",
            DEFAULT_NOISE_SCALE, List.of("relative", "absolute"),
            "SmoothGrad: relative (\u03c3 \u00d7 value range of each example) or absolute.");
    private static final MethodParameter METHOD_SEED = MethodParameter.integer("method-seed", "Seed",
            DEFAULT_METHOD_SEED, Long.MIN_VALUE, Long.MAX_VALUE, "SmoothGrad: noise seed.");

    private static final List<MethodDescriptor> ALL = List.of(
            new MethodDescriptor("gradient", "Gradient", "Simonyan et al. 2013, arXiv:1312.6034",
                    List.of(AGGREGATE, OUTPUT),
                    (s, model) -> new Gradient(aggregation(s), output(s))),
            new MethodDescriptor("grad-x-input", "Gradient \u00d7 Input", "Shrikumar et al. 2016, arXiv:1605.01713",
                    List.of(AGGREGATE, OUTPUT),
                    (s, model) -> new GradientXInput(aggregation(s), output(s))),
            new MethodDescriptor("integrated-gradients", "Integrated Gradients",
                    "Sundararajan et al. 2017, arXiv:1703.01365", List.of(STEPS, RULE, BASELINE, AGGREGATE, OUTPUT),
                    (s, model) -> new IntegratedGradients(s.integer("steps"), rule(s.text("rule")),
                            baseline(s.text("baseline"), model), aggregation(s), output(s))),
            new MethodDescriptor("smoothgrad", "SmoothGrad", "Smilkov et al. 2017, arXiv:1706.03825",
                    List.of(SAMPLES, NOISE, NOISE_SCALE, METHOD_SEED, AGGREGATE, OUTPUT),
                    (s, model) -> new SmoothGrad(s.integer("samples"), s.number("noise"),
                            s.text("noise-scale").equals("relative"), s.longValue("method-seed"), aggregation(s),
                            output(s))));

    private AttributionMethods() {
    }

    /** Every method, in the order menus list them. */
    public static List<MethodDescriptor> all() {
        return ALL;
    }

    /**
     * The method called {@code name}.
     *
     * @throws IllegalArgumentException naming the allowed methods
     */
    public static MethodDescriptor byName(String name) {
        for (MethodDescriptor d : ALL) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException("unknown --method '" + name + "'; use "
                + MethodParameter.orList(ALL.stream().map(MethodDescriptor::name).toList()));
    }

    /**
     * The method called {@code name} with {@code values} validated (missing ones take defaults).
     *
     * @throws IllegalArgumentException with the registry's message for an unknown method or a bad value
     */
    public static ConfiguredMethod configure(String name, Map<String, String> values) {
        MethodDescriptor d = byName(name);
        return new ConfiguredMethod(d, d.settings(values));
    }

    /** The method called {@code name} with {@code values}, for {@code model}. */
    public static AttributionMethod build(String name, Map<String, String> values, Classifier model) {
        return configure(name, values).build(model);
    }

    private static Aggregation aggregation(MethodSettings s) {
        return Aggregation.fromCliName(s.text("aggregate"));
    }

    private static ExplainedOutput output(MethodSettings s) {
        return ExplainedOutput.fromCliName(s.text("output"));
    }

    private static IntegratedGradients.Rule rule(String rule) {
        return rule.equals("midpoint") ? IntegratedGradients.Rule.MIDPOINT : IntegratedGradients.Rule.TRAPEZOID;
    }

    private static IntegratedGradients.Baseline baseline(String baseline, Classifier model) {
        if (baseline.equals("zero")) {
            return IntegratedGradients.Baseline.zero();
        }
        if (baseline.startsWith("token:")) {
            if (!model.isText()) {
                throw new IllegalArgumentException("--baseline " + baseline + " needs a text model; this model reads "
                        + model.describeInput());
            }
            return IntegratedGradients.Baseline.token(model.tokens().vocabulary().id(baseline.substring(6)));
        }
        try {
            return IntegratedGradients.Baseline.constant(Double.parseDouble(baseline));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--baseline must be zero, a number or token:WORD, got '" + baseline
                    + "'");
        }
    }
}
