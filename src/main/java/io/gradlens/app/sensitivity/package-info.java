/**
 * The Sensitivity tab: ∂output/∂input per input feature (mean and mean absolute value over the
 * rows, as grouped bars) and per row (a sortable table), for the price regression model and image
 * classifiers.
 */
package io.gradlens.app.sensitivity;
