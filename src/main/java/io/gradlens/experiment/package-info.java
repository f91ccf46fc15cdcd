/**
 * Reproducible experiments run from the command line ({@code gradlens experiment}): the decoy
 * experiment of right-for-the-right-reasons training (Ross, Hughes and Doshi-Velez, IJCAI 2017,
 * https://arxiv.org/abs/1703.03717) and mislabel detection by TracIn self-influence (Pruthi et
 * al., NeurIPS 2020, https://arxiv.org/abs/2002.08484) and representer points (Yeh et al., NeurIPS
 * 2018, https://arxiv.org/abs/1811.09720). Results and settings are recorded in
 * {@code docs/experiments.md}.
 */
package io.gradlens.experiment;
