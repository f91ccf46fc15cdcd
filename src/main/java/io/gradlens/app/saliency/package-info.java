/**
 * The Saliency tab: token or pixel attributions of the current example under a chosen method,
 * compare mode (a second model beside the current one, per-model or shared colour scale, the
 * relevance on the marked positions) and the fix-the-reasons marks.
 */
package io.gradlens.app.saliency;
