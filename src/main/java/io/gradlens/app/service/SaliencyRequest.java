package io.gradlens.app.service;

import io.gradlens.explain.Aggregation;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.ConfiguredMethod;
import io.gradlens.explain.MethodDescriptor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The Saliency tab's settings for one computation. Validated, and turned into a method, by the
 * core's method registry ({@link AttributionMethods}), so a bad value is refused with the same
 * message as on the command line; settings the tab does not show take the registry's defaults.
 *
 * @param method attribution method
 * @param targetClass class whose output is explained, or {@code null} for the predicted class
 * @param aggregation per-token (per-pixel) reduction of the attribution
 * @param steps number of interpolation steps (Integrated Gradients only)
 * @param samples number of noisy samples (SmoothGrad only)
 * @param noise noise standard deviation (SmoothGrad only)
 * @param baseline the reference input of Integrated Gradients in the command line's words
 *     ({@code --baseline}): {@code zero} (zero embedding / black image), a number (every element)
 *     or {@code token:WORD} (text: every token replaced by WORD)
 */
public record SaliencyRequest(
    SaliencyMethod method,
    Integer targetClass,
    Aggregation aggregation,
    int steps,
    int samples,
    double noise,
    String baseline) {

  /**
   * Validates the parameters through the registry.
   *
   * @throws IllegalArgumentException with the registry's message
   */
  public SaliencyRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(aggregation, "aggregation");
    Objects.requireNonNull(baseline, "baseline");
    for (MethodDescriptor d : AttributionMethods.all()) {
      d.settings(parameters(aggregation, steps, samples, noise, baseline));
    }
  }

  /** A request with the registry's default Integrated Gradients baseline ({@code zero}). */
  public SaliencyRequest(SaliencyMethod method, Integer targetClass, Aggregation aggregation,
      int steps, int samples, double noise) {
    this(method, targetClass, aggregation, steps, samples, noise,
        AttributionMethods.DEFAULT_BASELINE);
  }

  /** @return the registry's parameter values this request sets, by parameter name */
  public Map<String, String> parameters() {
    return parameters(aggregation, steps, samples, noise, baseline);
  }

  /** @return the method with every parameter validated by the registry */
  public ConfiguredMethod configured() {
    return AttributionMethods.configure(method.descriptor().name(), parameters());
  }

  private static Map<String, String> parameters(Aggregation aggregation, int steps, int samples,
      double noise, String baseline) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("aggregate", aggregation.cliName());
    p.put("steps", Integer.toString(steps));
    p.put("samples", Integer.toString(samples));
    p.put("noise", Double.toString(noise));
    p.put("baseline", baseline);
    return p;
  }

  /** @return a plain-gradient request for the predicted class with the registry's defaults */
  public static SaliencyRequest defaults() {
    MethodDescriptor ig = SaliencyMethod.INTEGRATED_GRADIENTS.descriptor();
    MethodDescriptor sg = SaliencyMethod.SMOOTHGRAD.descriptor();
    return new SaliencyRequest(SaliencyMethod.GRADIENT, null,
        Aggregation.fromCliName(AttributionMethods.DEFAULT_AGGREGATE),
        Integer.parseInt(ig.parameter("steps").defaultValue()),
        Integer.parseInt(sg.parameter("samples").defaultValue()),
        Double.parseDouble(sg.parameter("noise").defaultValue()));
  }
}
