package io.gradlens.cli;

import io.gradlens.explain.Aggregation;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.ExplainedOutput;
import io.gradlens.explain.Gradient;
import io.gradlens.explain.GradientXInput;
import io.gradlens.explain.IntegratedGradients;
import io.gradlens.explain.SmoothGrad;
import io.gradlens.nn.Classifier;
import picocli.CommandLine.Option;

/** The saliency method and its settings, shared by {@code saliency} and {@code sanity}. */
final class MethodOptions {

    @Option(names = "--method", defaultValue = "gradient",
            description = "gradient, grad-x-input, integrated-gradients or smoothgrad. Default ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--aggregate", defaultValue = "sum",
            description = "Per token/pixel: sum, l2 or abs-sum. Default ${DEFAULT-VALUE}.")
    String aggregate;

    @Option(names = "--output", defaultValue = "logprob",
            description = "Explained scalar: logprob (log p of the target) or logit. Default ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--steps", defaultValue = "50",
            description = "Integrated gradients: intervals of the path integral. Default ${DEFAULT-VALUE}.")
    int steps;

    @Option(names = "--rule", defaultValue = "trapezoid",
            description = "Integrated gradients: trapezoid or midpoint. Default ${DEFAULT-VALUE}.")
    String rule;

    @Option(names = "--baseline", defaultValue = "zero",
            description = "Integrated gradients: zero (zero embedding / black image), a number (every element), "
                    + "or token:WORD (text). Default ${DEFAULT-VALUE}.")
    String baseline;

    @Option(names = "--samples", defaultValue = "25", description = "SmoothGrad: noisy samples. Default ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--noise", defaultValue = "0.15",
            description = "SmoothGrad: noise σ (see --noise-scale). Default ${DEFAULT-VALUE}.")
    double noise;

    @Option(names = "--noise-scale", defaultValue = "relative",
            description = "SmoothGrad: relative (σ × value range of each example) or absolute. Default ${DEFAULT-VALUE}.")
    String noiseScale;

    @Option(names = "--method-seed", defaultValue = "0", description = "SmoothGrad: noise seed. Default ${DEFAULT-VALUE}.")
    long methodSeed;

    /** The configured method for {@code model}. */
    AttributionMethod build(Classifier model) {
        Aggregation agg = Aggregation.fromCliName(aggregate);
        ExplainedOutput out = ExplainedOutput.fromCliName(output);
        return switch (method) {
            case "gradient" -> new Gradient(agg, out);
            case "grad-x-input" -> new GradientXInput(agg, out);
            case "integrated-gradients" -> new IntegratedGradients(steps, rule(), baseline(model), agg, out);
            case "smoothgrad" -> {
                if (!noiseScale.equals("relative") && !noiseScale.equals("absolute")) {
                    throw new IllegalArgumentException("--noise-scale must be relative or absolute, got '" + noiseScale
                            + "'");
                }
                yield new SmoothGrad(samples, noise, noiseScale.equals("relative"), methodSeed, agg, out);
            }
            default -> throw new IllegalArgumentException("unknown --method '" + method
                    + "'; use gradient, grad-x-input, integrated-gradients or smoothgrad");
        };
    }

    private IntegratedGradients.Rule rule() {
        return switch (rule) {
            case "trapezoid" -> IntegratedGradients.Rule.TRAPEZOID;
            case "midpoint" -> IntegratedGradients.Rule.MIDPOINT;
            default -> throw new IllegalArgumentException("--rule must be trapezoid or midpoint, got '" + rule + "'");
        };
    }

    private IntegratedGradients.Baseline baseline(Classifier model) {
        if (baseline.equals("zero")) {
            return IntegratedGradients.Baseline.zero();
        }
        if (baseline.startsWith("token:")) {
            String word = baseline.substring(6);
            int id = model.tokens().vocabulary().id(word);
            return IntegratedGradients.Baseline.token(id);
        }
        try {
            return IntegratedGradients.Baseline.constant(Double.parseDouble(baseline));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--baseline must be zero, a number or token:WORD, got '" + baseline
                    + "'");
        }
    }
}
