/**
 * Use cases about models as a whole, orchestrated once for the command line, the workbench and
 * experiments: opening any model file ({@link io.gradlens.workflow.models.ModelOpening}), input
 * sensitivity ({@link io.gradlens.workflow.models.SensitivityAnalysis}) and the cascading
 * randomisation sanity check ({@link io.gradlens.workflow.models.SanityCheck}). Each takes a
 * {@link io.gradlens.util.ProgressListener} and a {@link io.gradlens.util.CancellationToken}; bad
 * input is an {@link java.lang.IllegalArgumentException} whose message names what and where.
 */
package io.gradlens.workflow.models;
