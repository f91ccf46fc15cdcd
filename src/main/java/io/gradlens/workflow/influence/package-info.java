/**
 * The influence use case, orchestrated once for the command line ({@code gradlens influence}) and
 * the workbench's Influence tab: which training examples support or oppose a prediction
 * (representer points, Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720; TracIn, Pruthi
 * et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484, over the last layer or over chosen layers
 * with projected gradients, {@link io.gradlens.workflow.influence.TracInProjection}) and which
 * have the highest self-influence (suspected mislabels).
 * {@link io.gradlens.workflow.influence.InfluenceIndexWorkflow}
 * turns an {@link io.gradlens.workflow.influence.InfluenceIndexRequest} into a cached
 * {@link io.gradlens.workflow.influence.PreparedInfluence}, which answers the queries; the cache
 * key, the checkpoint discovery ({@link io.gradlens.workflow.influence.InfluenceCheckpoints}) and
 * the policy for missing checkpoints are stated there and nowhere else.
 */
package io.gradlens.workflow.influence;
