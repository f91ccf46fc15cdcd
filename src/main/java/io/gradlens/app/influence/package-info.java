/**
 * The Influence tab: which training examples a prediction rests on and which training examples
 * look mislabelled. Example mode lists the proponents and opponents of the current test example
 * by representer points (Yeh et al., NeurIPS 2018, https://arxiv.org/abs/1811.09720) or TracIn
 * (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484), with a bar chart of the scores
 * and the representer fidelity figure; dataset mode ranks training examples by self-influence and
 * turns "Relabel…" and "Exclude" into undoable dataset edits. The computations are those of
 * {@code io.gradlens.explain.influence}, reached through
 * {@link io.gradlens.app.service.InfluenceService}.
 */
package io.gradlens.app.influence;
