/**
 * The Corpus tab: the merged result of a sharded corpus job (File ▸ Open corpus results…) opened
 * through {@link io.gradlens.workflow.corpus.MergedCorpusResults} without recomputing: for
 * hidden-grad the mean gradient curve, the mean T×T map sampled from its mapped file at the
 * displayed resolution, and the documents with their top rows; for saliency the examples and the
 * token heatmap of the selected one.
 */
package io.gradlens.app.corpus;
