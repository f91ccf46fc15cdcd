/** The Training tab: hyper-parameter form, start/cancel, progress with ETA and live curves. */
package io.gradlens.app.training;
