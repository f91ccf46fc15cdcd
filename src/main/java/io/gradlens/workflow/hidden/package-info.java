/**
 * The hidden-state gradient use case (Bengio, Simard and Frasconi 1994,
 * https://doi.org/10.1109/72.279181; Pascanu, Mikolov and Bengio 2013,
 * https://arxiv.org/abs/1211.5063), orchestrated once for {@code gradlens hidden-grad} and the
 * workbench's Hidden state tab: for one text the T×T map G[t][s] = ‖∂r(h_t)/∂x_s‖, the curve c[t]
 * and the reduced hidden state r(h_t) ({@link io.gradlens.workflow.hidden.HiddenStateWorkflow#map});
 * per-unit activations and curves of chosen or top-ranked units
 * ({@link io.gradlens.workflow.hidden.HiddenStateWorkflow#units}); the tab's whole reading with the
 * prediction and out-of-vocabulary tokens ({@link io.gradlens.workflow.hidden.HiddenStateReading});
 * for a seeded sample of a dataset's texts the per-sequence curves and their step-wise summaries
 * ({@link io.gradlens.workflow.hidden.HiddenStateSample}). The numerics are
 * {@link io.gradlens.explain.HiddenStateGradients}'.
 */
package io.gradlens.workflow.hidden;
