package io.gradlens.cli;

import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.ConfiguredMethod;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The saliency method and its settings, shared by {@code saliency} and {@code sanity}: plain text
 * options whose defaults, validation and messages come from the method registry
 * ({@link AttributionMethods}).
 */
final class MethodOptions {

    @Option(names = "--method", defaultValue = AttributionMethods.DEFAULT_METHOD,
            description = "gradient, grad-x-input, integrated-gradients or smoothgrad. Default ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--aggregate", defaultValue = AttributionMethods.DEFAULT_AGGREGATE,
            description = "Per token/pixel: sum, l2 or abs-sum. Default ${DEFAULT-VALUE}.")
    String aggregate;

    @Option(names = "--output", defaultValue = AttributionMethods.DEFAULT_OUTPUT,
            description = "Explained scalar: logprob (log p of the target) or logit. Default ${DEFAULT-VALUE}.")
    String output;

    @Option(names = "--steps", defaultValue = AttributionMethods.DEFAULT_STEPS,
            description = "Integrated gradients: intervals of the path integral. Default ${DEFAULT-VALUE}.")
    String steps;

    @Option(names = "--rule", defaultValue = AttributionMethods.DEFAULT_RULE,
            description = "Integrated gradients: trapezoid or midpoint. Default ${DEFAULT-VALUE}.")
    String rule;

    @Option(names = "--baseline", defaultValue = AttributionMethods.DEFAULT_BASELINE,
            description = "Integrated gradients: zero (zero embedding / black image), a number (every element), "
                    + "or token:WORD (text). Default ${DEFAULT-VALUE}.")
    String baseline;

    @Option(names = "--samples", defaultValue = AttributionMethods.DEFAULT_SAMPLES,
            description = "SmoothGrad: noisy samples. Default ${DEFAULT-VALUE}.")
    String samples;

    @Option(names = "--noise", defaultValue = AttributionMethods.DEFAULT_NOISE,
            description = "SmoothGrad: noise σ (see --noise-scale). Default ${DEFAULT-VALUE}.")
    String noise;

    @Option(names = "--noise-scale", defaultValue = AttributionMethods.DEFAULT_NOISE_SCALE,
            description = "SmoothGrad: relative (σ × value range of each example) or absolute. Default ${DEFAULT-VALUE}.")
    String noiseScale;

    @Option(names = "--method-seed", defaultValue = AttributionMethods.DEFAULT_METHOD_SEED,
            description = "SmoothGrad: noise seed. Default ${DEFAULT-VALUE}.")
    String methodSeed;

    /** The options by registry parameter name. */
    Map<String, String> values() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("aggregate", aggregate);
        v.put("output", output);
        v.put("steps", steps);
        v.put("rule", rule);
        v.put("baseline", baseline);
        v.put("samples", samples);
        v.put("noise", noise);
        v.put("noise-scale", noiseScale);
        v.put("method-seed", methodSeed);
        return v;
    }

    /**
     * The configured method, validated by the registry.
     *
     * @throws IllegalArgumentException with the registry's message (exit 2)
     */
    ConfiguredMethod configure() {
        return AttributionMethods.configure(method, values());
    }

    /** The configured method for {@code model}. */
    io.gradlens.explain.AttributionMethod build(io.gradlens.nn.Classifier model) {
        return configure().build(model);
    }
}
