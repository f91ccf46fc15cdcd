package io.gradlens.app.dataimport;

import io.gradlens.data.imports.ImportProblem;

/** Pure wording of an import problem for the dialog's list: where first, then what. */
public final class ProblemText {

  private ProblemText() {
  }

  /**
   * @return e.g. {@code Line 4, column "sentiment": the label is empty}, or {@code File: …} for a
   *     problem of the file as a whole (line 0)
   */
  public static String of(ImportProblem problem) {
    String where = problem.line() > 0 ? "Line " + problem.line() : "File";
    if (problem.column() != null && !problem.column().isBlank()) {
      where += ", column \"" + problem.column() + "\"";
    }
    return where + ": " + problem.message();
  }
}
