/**
 * Use cases, each orchestrated once for the command line, the workbench and the experiments, with
 * a {@link io.gradlens.util.ProgressListener} or listener for progress and a
 * {@link io.gradlens.util.CancellationToken}. This package holds what several use cases share:
 * the typed {@link io.gradlens.workflow.ModelProvenance} a bundle records (after Tribuo's
 * {@code ModelProvenance}) and the {@link io.gradlens.workflow.RuntimeVersions} read at run time.
 */
package io.gradlens.workflow;
