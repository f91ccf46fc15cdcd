package io.gradlens.app.saliency;

import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * "Your text": a field for any sentence, explained instead of the Data tab's selected example
 * while it is not blank. Typing re-runs after a short pause, Enter or Explain at once (and
 * remembers the sentence in the session's history); "Back to the selected example" clears it.
 */
public final class WhatIfTextBar extends HBox {

  /** Pause after the last keystroke before the typed sentence is explained. */
  static final Duration DEBOUNCE = Duration.millis(300);

  private final TextField field = new TextField();

  /**
   * @param typed the explained typed sentence (the view model's)
   * @param history the session's typed sentences, newest first
   * @param remember remembers the current typed sentence in the history
   * @param disabled true while the model does not take text (an image model)
   */
  public WhatIfTextBar(StringProperty typed, ObservableList<String> history, Runnable remember,
      ObservableBooleanValue disabled) {
    super(6);
    setId("whatif-bar");
    setAlignment(Pos.CENTER_LEFT);
    setPadding(new Insets(0, 8, 4, 8));
    field.setId("whatif-text");
    field.setPromptText("Type your own sentence to explain it\u2026");
    HBox.setHgrow(field, Priority.ALWAYS);
    PauseTransition pause = new PauseTransition(DEBOUNCE);
    pause.setOnFinished(e -> typed.set(field.getText()));
    field.textProperty().addListener((o, a, b) -> pause.playFromStart());
    Runnable now = () -> {
      pause.stop();
      typed.set(field.getText());
      remember.run();
    };
    field.setOnAction(e -> now.run());
    field.setOnKeyPressed(e -> {
      if (e.getCode() == KeyCode.ESCAPE && !field.getText().isEmpty()) {
        field.clear();
        e.consume();
      }
    });
    Button explain = new Button("Explain");
    explain.setId("whatif-explain");
    explain.setOnAction(e -> now.run());
    ComboBox<String> recent = new ComboBox<>(history);
    recent.setId("whatif-history");
    recent.setPromptText("History");
    recent.setPrefWidth(120);
    recent.setTooltip(new Tooltip("Sentences typed in this session"));
    recent.disableProperty().bind(Bindings.isEmpty(history));
    recent.valueProperty().addListener((o, a, b) -> {
      if (b != null) {
        // Explained, not remembered again: the history is not reordered while it is chosen from.
        field.setText(b);
        pause.stop();
        typed.set(b);
      }
    });
    Button back = new Button("Back to the selected example");
    back.setId("whatif-back");
    back.disableProperty().bind(Bindings.createBooleanBinding(
        () -> typed.get() == null || typed.get().isBlank(), typed));
    back.setOnAction(e -> {
      field.clear();
      now.run();
      recent.setValue(null);
    });
    Label title = new Label("Your text");
    title.setMinWidth(Label.USE_PREF_SIZE);
    disableProperty().bind(disabled);
    // A disabled control shows no tooltip, so the field's prompt says why instead.
    String prompt = field.getPromptText();
    disabled.addListener((o, a, b) -> field.setPromptText(b
        ? "This model explains images; typed text needs a text model" : prompt));
    getChildren().addAll(title, field, explain, recent, back);
  }

  /** @return the text field (for focus and tests) */
  public TextField field() {
    return field;
  }
}
