/**
 * Training-example influence: which training examples a prediction rests on.
 *
 * <ul>
 *   <li>{@link io.gradlens.explain.influence.RepresenterPoints}: representer point selection (Yeh,
 *       Kim, Yen and Ravikumar, NeurIPS 2018, https://arxiv.org/abs/1811.09720), a decomposition
 *       of the logits over training points through a refitted, L2-regularised last layer.</li>
 *   <li>{@link io.gradlens.explain.influence.TracIn}: TracIn, checkpoint variant (Pruthi, Liu,
 *       Kale and Sundararajan, NeurIPS 2020, https://arxiv.org/abs/2002.08484), sums over saved
 *       checkpoints of learning rate times gradient dot products; last layer in closed form.</li>
 *   <li>{@link io.gradlens.explain.influence.ProjectedTracIn}: TracIn over chosen layers
 *       ({@link io.gradlens.explain.influence.InfluenceLayers}) with every gradient compressed by a
 *       seeded random projection ({@link io.gradlens.explain.influence.GradientProjection}; TRAK,
 *       Park et al., ICML 2023, https://arxiv.org/abs/2303.14186); its test side is computed at
 *       query time by {@link io.gradlens.explain.influence.ProjectedTestSide}.</li>
 *   <li>{@link io.gradlens.explain.influence.InfluenceIndex}: the precomputed state of any of
 *       them, cached on disk, answering one query in milliseconds (projected TracIn: one gradient
 *       per checkpoint for the test side).</li>
 * </ul>
 */
package io.gradlens.explain.influence;
