/**
 * Explanations of a model by its gradients, one class per method with an {@code attribute(...)}
 * verb, and immutable results shaped like their input: {@link io.gradlens.explain.TokenAttribution}
 * (a score per token), {@link io.gradlens.explain.PixelAttribution} (a score per pixel), {@link
 * io.gradlens.explain.FeatureAttribution} (a score per numeric feature), {@link
 * io.gradlens.explain.HiddenStateGradientMap} (a T×T map of hidden-state gradients), {@link
 * io.gradlens.explain.SensitivityReport} and {@link io.gradlens.explain.SanityReport}.
 *
 * <p>Saliency methods: {@link io.gradlens.explain.Gradient} (Simonyan et al. 2013), {@link
 * io.gradlens.explain.GradientXInput} (Shrikumar et al. 2016), {@link
 * io.gradlens.explain.IntegratedGradients} (Sundararajan et al. 2017), {@link
 * io.gradlens.explain.SmoothGrad} (Smilkov et al. 2017). For token models every gradient is taken
 * with respect to the embedding output, since token ids have none.
 */
package io.gradlens.explain;
