/**
 * Background execution: one shared daemon executor, progress and cancellation bridged between the
 * UI-free core contracts ({@link io.gradlens.app.service}) and the FX thread.
 */
package io.gradlens.app.task;
