/**
 * Heatmap views: token saliency as flowing text, pixel saliency as images, and their legend.
 */
package io.gradlens.app.heatmap;
