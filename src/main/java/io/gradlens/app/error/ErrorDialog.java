package io.gradlens.app.error;

import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

/**
 * Error dialog: a one-line message and the stack trace in an expandable area. Non-modal to the
 * rest of the app's state: it is shown without blocking the caller.
 */
public final class ErrorDialog {

  private ErrorDialog() {
  }

  /** Builds the dialog (not shown). */
  public static Alert create(Window owner, String action, Throwable error) {
    Alert alert = new Alert(Alert.AlertType.ERROR);
    if (owner != null) {
      alert.initOwner(owner);
    }
    alert.setTitle(action + " failed");
    alert.setHeaderText(action + " failed");
    alert.setContentText(ErrorMessages.oneLine(error));
    TextArea trace = new TextArea(ErrorMessages.details(error));
    trace.setId("error-details");
    trace.setEditable(false);
    trace.setWrapText(false);
    trace.setMaxWidth(Double.MAX_VALUE);
    trace.setMaxHeight(Double.MAX_VALUE);
    GridPane.setVgrow(trace, Priority.ALWAYS);
    GridPane.setHgrow(trace, Priority.ALWAYS);
    GridPane details = new GridPane();
    details.add(new Label("Details:"), 0, 0);
    details.add(trace, 0, 1);
    alert.getDialogPane().setExpandableContent(details);
    alert.getDialogPane().setId("error-dialog");
    return alert;
  }

  /** @return a reporter that shows this dialog owned by the window from {@code owner} */
  public static ErrorReporter reporter(java.util.function.Supplier<Window> owner) {
    return (action, error) -> create(owner.get(), action, error).show();
  }
}
