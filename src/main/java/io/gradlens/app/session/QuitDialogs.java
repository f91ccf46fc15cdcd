package io.gradlens.app.session;

import io.gradlens.app.service.WorkspaceEntry;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The quit questions as dialogs owned by the main window. */
public final class QuitDialogs implements QuitFlow.Questions {

  /** Save every unsaved model, then quit. */
  public static final ButtonType SAVE_ALL = new ButtonType("Save all\u2026",
      ButtonBar.ButtonData.YES);
  /** Quit and lose the models. */
  public static final ButtonType DISCARD = new ButtonType("Quit without saving",
      ButtonBar.ButtonData.NO);
  /** Quit although a training runs. */
  public static final ButtonType QUIT = new ButtonType("Quit", ButtonBar.ButtonData.OK_DONE);

  private final Supplier<Window> owner;

  /** @param owner the main window */
  public QuitDialogs(Supplier<Window> owner) {
    this.owner = owner;
  }

  @Override
  public boolean quitDuringTraining() {
    Alert alert = alert("Training is still running. Quit and stop it? The model of this run "
        + "is lost.", QUIT, ButtonType.CANCEL);
    alert.getDialogPane().setId("quit-training-dialog");
    return alert.showAndWait().filter(QUIT::equals).isPresent();
  }

  @Override
  public QuitFlow.Choice unsavedModels(List<WorkspaceEntry> models) {
    String names = models.stream().map(m -> "\u201c" + m.name() + "\u201d")
        .collect(Collectors.joining(", "));
    Alert alert = alert((models.size() == 1 ? "A model trained in this session is not saved: "
        : models.size() + " models trained in this session are not saved: ") + names
        + ". They are lost when GradLens quits.", SAVE_ALL, DISCARD, ButtonType.CANCEL);
    alert.getDialogPane().setId("quit-unsaved-dialog");
    ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
    return answer == SAVE_ALL ? QuitFlow.Choice.SAVE_ALL
        : answer == DISCARD ? QuitFlow.Choice.DISCARD : QuitFlow.Choice.CANCEL;
  }

  private Alert alert(String text, ButtonType... buttons) {
    Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, buttons);
    alert.initOwner(owner.get());
    alert.setTitle("Quit GradLens");
    alert.setHeaderText(null);
    alert.getDialogPane().setMinWidth(480);
    return alert;
  }
}
