/** Headless (Monocle) TestFX tests of the workbench, tagged {@code gui}. */
package io.gradlens.app.gui;
