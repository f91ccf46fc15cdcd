/** The Saliency tab: token attributions of the current example under a chosen method. */
package io.gradlens.app.saliency;
