/**
 * The Sanity check tab: the cascading model-randomisation test of Adebayo et al. 2018 ("Sanity
 * Checks for Saliency Maps", arXiv:1810.03292) on the current model, as Spearman ρ per step and a
 * plain-language verdict.
 */
package io.gradlens.app.sanity;
