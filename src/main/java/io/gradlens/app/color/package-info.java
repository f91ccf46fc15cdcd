/**
 * Pure colour scales and normalisation for heatmaps (no JavaFX; unit-tested without a toolkit).
 */
package io.gradlens.app.color;
