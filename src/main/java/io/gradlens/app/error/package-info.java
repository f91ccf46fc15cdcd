/** Error reporting: one-line message dialogs with expandable stack traces. */
package io.gradlens.app.error;
