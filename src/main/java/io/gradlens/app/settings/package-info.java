/**
 * Settings that persist between runs (window geometry, divider positions, recent files, imported
 * datasets with their import settings; the last session's dataset, model, tab and Saliency
 * settings in {@link io.gradlens.app.settings.SessionState}), stored
 * as a small JSON file in the XDG config folder ({@code ~/.config/gradlens/}, see {@link io.gradlens.install.AppDirectories}) or a directory given for tests.
 */
package io.gradlens.app.settings;
