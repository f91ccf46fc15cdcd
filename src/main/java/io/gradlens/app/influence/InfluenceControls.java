package io.gradlens.app.influence;

import io.gradlens.workflow.influence.InfluenceMethod;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import java.util.List;

/**
 * The controls both modes of the Influence tab start with: method, k, a run button and Cancel
 * (enabled while busy), with ids {@code <prefix>-method}, {@code -top}, {@code -<run>},
 * {@code -cancel}.
 */
final class InfluenceControls {

  private InfluenceControls() {
  }

  static List<Node> create(String prefix, ObjectProperty<InfluenceMethod> method,
      IntegerProperty top, int maxTop, String runText, Runnable run,
      ObservableBooleanValue busy, Runnable cancel) {
    ComboBox<InfluenceMethod> methods = new ComboBox<>();
    methods.setId(prefix + "-method");
    methods.getItems().setAll(InfluenceMethod.values());
    methods.setConverter(InfluenceMethodNames.converter());
    methods.valueProperty().bindBidirectional(method);
    Spinner<Integer> k = new Spinner<>(1, maxTop, top.get());
    k.setId(prefix + "-top");
    k.setEditable(true);
    k.setPrefWidth(80);
    k.valueProperty().addListener((o, a, b) -> top.set(b));
    Button runButton = new Button(runText);
    runButton.setId(prefix + "-" + runText.toLowerCase(java.util.Locale.ROOT));
    runButton.setOnAction(e -> run.run());
    Button cancelButton = new Button("Cancel");
    cancelButton.setId(prefix + "-cancel");
    cancelButton.setDisable(!busy.get());
    busy.addListener((o, a, b) -> cancelButton.setDisable(!b));
    cancelButton.setOnAction(e -> cancel.run());
    return List.of(new Label("Method"), methods, new Label("Top k"), k, runButton, cancelButton);
  }
}
