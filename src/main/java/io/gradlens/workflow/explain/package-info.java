/**
 * The explanation use cases, orchestrated once for the command line, the workbench and
 * experiments: selecting examples with every model/dataset fit check and one set of messages
 * ({@link io.gradlens.workflow.explain.ExampleSelection}), predicting
 * ({@link io.gradlens.workflow.explain.Predictions}), and explaining a dataset in batches with
 * progress, cancellation and a streaming, atomic export
 * ({@link io.gradlens.workflow.explain.DatasetAttribution},
 * {@link io.gradlens.workflow.explain.AttributionExport}).
 */
package io.gradlens.workflow.explain;
