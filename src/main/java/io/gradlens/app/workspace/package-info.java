/** The workspace side panel: datasets and models (built-in, trained, opened). */
package io.gradlens.app.workspace;
