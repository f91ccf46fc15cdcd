/**
 * Writers for explanation results: JSON (one object per example, JSON Lines), CSV (one row per
 * position) and self-contained HTML pages with a diverging colour scale (negative blue, zero
 * white, positive red). Non-finite numbers are written as JSON {@code null}. The JSON shapes are
 * documented in {@code docs/cli.md}.
 */
package io.gradlens.export;
