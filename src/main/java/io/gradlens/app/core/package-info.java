/**
 * The workbench's services implemented on the GradLens core: datasets from
 * {@code io.gradlens.data}, models as {@code .gradlens} bundles, training with
 * {@code io.gradlens.train}, saliency with {@code io.gradlens.explain}. No JavaFX here: these
 * classes run on worker threads and receive the core's own
 * {@link io.gradlens.util.CancellationToken} and {@link io.gradlens.util.ProgressListener}.
 */
package io.gradlens.app.core;
