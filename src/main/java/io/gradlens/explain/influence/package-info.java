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
 *   <li>{@link io.gradlens.explain.influence.InfluenceIndex}: the precomputed state of either,
 *       cached beside a model, answering one query in milliseconds.</li>
 * </ul>
 */
package io.gradlens.explain.influence;
