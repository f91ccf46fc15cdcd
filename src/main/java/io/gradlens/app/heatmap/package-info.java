/**
 * Heatmap views: token saliency as flowing text, pixel saliency as images, and their legend, on
 * screen ({@code LegendBar}) and in exported SVG/PNG ({@code LegendSvg}).
 */
package io.gradlens.app.heatmap;
