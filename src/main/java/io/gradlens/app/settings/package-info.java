/**
 * Settings that persist between runs (window geometry, divider positions, recent files), stored
 * as a small JSON file under {@code ~/.gradlens/} or a directory given for tests.
 */
package io.gradlens.app.settings;
