/**
 * The GradLens JavaFX workbench: main window, launcher and app-level state. All JavaFX and AWT
 * code of GradLens lives in this package and its sub-packages (one per view or component).
 */
package io.gradlens.app;
