/** JFreeChart-based charts embedded in JavaFX: class probabilities and training curves. */
package io.gradlens.app.chart;
