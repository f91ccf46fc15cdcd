/**
 * Opening the merged results of a sharded corpus job ({@code gradlens merge DIR}, or the Spark job)
 * without recomputing them: {@link io.gradlens.workflow.corpus.MergedCorpusResults#open} checks
 * {@code merged.json} and maps the arrays of {@code merged/} ({@link io.gradlens.format.MappedNpy}), so
 * the mean T×T map of a long corpus and its per-document rows stay on disk until looked at. The
 * command line ({@code gradlens corpus-show}) and the workbench (File ▸ Open corpus results…) read
 * results through it alone.
 */
package io.gradlens.workflow.corpus;
