/**
 * Narrow, UI-free contracts between the GradLens workbench and the computational core.
 *
 * <p>Everything here uses plain Java types only (no JavaFX, no AWT), so the interfaces can move to
 * the core module later. Long-running calls take a {@link io.gradlens.util.ProgressListener}
 * and a {@link io.gradlens.util.CancellationToken}; they are always invoked off the FX thread.
 */
package io.gradlens.app.service;
