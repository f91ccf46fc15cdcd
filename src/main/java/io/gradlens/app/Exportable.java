package io.gradlens.app;

import javafx.stage.Window;

/** A tab whose content File ▸ Export… can save. */
public interface Exportable {

  /** Asks for a target file and format, then exports; reports failures itself. */
  void exportInteractively(Window owner);
}
