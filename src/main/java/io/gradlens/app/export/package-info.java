/**
 * Exports of charts, heatmaps and tables: PNG, SVG and CSV, always written atomically.
 */
package io.gradlens.app.export;
