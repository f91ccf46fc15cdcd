/**
 * Faithfulness metrics of attribution maps: does removing what a map calls important change the
 * prediction more than removing random tokens or pixels? One class per metric, each citing its
 * paper: {@link io.gradlens.explain.evaluation.Deletion} and
 * {@link io.gradlens.explain.evaluation.Insertion} curves (Samek et al. 2017; Petsiuk et al. 2018),
 * ERASER {@link io.gradlens.explain.evaluation.Comprehensiveness} and
 * {@link io.gradlens.explain.evaluation.Sufficiency} (DeYoung et al. 2020),
 * {@link io.gradlens.explain.evaluation.RelevanceMass} and
 * {@link io.gradlens.explain.evaluation.RankAccuracy} inside ground-truth masks (Arras et al. 2022),
 * {@link io.gradlens.explain.evaluation.Infidelity} and
 * {@link io.gradlens.explain.evaluation.MaxSensitivity} (Yeh et al. 2019).
 *
 * <p>Metrics read only model outputs: perturbed copies of the inputs ({@link
 * io.gradlens.explain.evaluation.Removal}) are scored in large batches
 * ({@link io.gradlens.explain.evaluation.ModelScores}), since each small ND4J call costs about
 * 10 µs through JNI. Every metric is reported beside the same metric for a seeded
 * {@link io.gradlens.explain.evaluation.RandomAttribution} with a confidence interval over
 * examples ({@link io.gradlens.explain.evaluation.Interval}).
 */
package io.gradlens.explain.evaluation;
