package io.gradlens.app.influence;

import io.gradlens.workflow.influence.InfluenceMethod;
import io.gradlens.workflow.influence.TracInProjection;
import java.util.List;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/**
 * The controls both modes of the Influence tab start with: method, k, the layers and dimension of
 * projected TracIn (disabled, never removed, for the other methods, so the toolbar does not
 * reflow), a run button (disabled while {@code blocked} says why) and Cancel (enabled while busy),
 * with ids {@code <prefix>-method}, {@code -top}, {@code -layer-embedding},
 * {@code -layer-recurrent}, {@code -layer-dense}, {@code -projection-dim}, {@code -<run>},
 * {@code -cancel}.
 */
final class InfluenceControls {

  private InfluenceControls() {
  }

  static List<Node> create(String prefix, ObjectProperty<InfluenceMethod> method,
      IntegerProperty top, int maxTop, ProjectionSettingsModel projection, String runText,
      Runnable run, ObservableStringValue blocked, ObservableBooleanValue busy, Runnable cancel) {
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
    BooleanBinding notProjected = method.isNotEqualTo(InfluenceMethod.TRACIN_PROJECTED);
    Label layers = new Label("Layers");
    layers.disableProperty().bind(notProjected);
    CheckBox embedding = layerBox(prefix + "-layer-embedding", "Embedding",
        projection.embeddingProperty(), notProjected);
    CheckBox recurrent = layerBox(prefix + "-layer-recurrent", "Recurrent",
        projection.recurrentProperty(), notProjected);
    CheckBox dense = layerBox(prefix + "-layer-dense", "Dense", projection.denseProperty(),
        notProjected);
    Label dimensionLabel = new Label("Dimension d");
    dimensionLabel.disableProperty().bind(notProjected);
    Spinner<Integer> dimension = new Spinner<>(1, TracInProjection.MAX_DIMENSION,
        projection.dimensionProperty().get(), 64);
    dimension.setId(prefix + "-projection-dim");
    dimension.setEditable(true);
    dimension.setPrefWidth(90);
    dimension.setTooltip(new Tooltip("Projection dimension of projected TracIn: the error of a "
        + "score falls as 1/\u221ad; the cached index holds d numbers per training example and "
        + "checkpoint"));
    dimension.valueProperty().addListener((o, a, b) -> projection.dimensionProperty().set(b));
    dimension.disableProperty().bind(notProjected);
    Button runButton = new Button(runText);
    runButton.setId(prefix + "-" + runText.toLowerCase(java.util.Locale.ROOT));
    runButton.setOnAction(e -> run.run());
    runButton.disableProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(blocked));
    // A disabled button shows no tooltip, so the reason hangs on a holder around it.
    StackPane runHolder = new StackPane(runButton);
    Tooltip why = new Tooltip();
    why.textProperty().bind(blocked);
    Tooltip.install(runHolder, why);
    Button cancelButton = new Button("Cancel");
    cancelButton.setId(prefix + "-cancel");
    cancelButton.setDisable(!busy.get());
    busy.addListener((o, a, b) -> cancelButton.setDisable(!b));
    cancelButton.setOnAction(e -> cancel.run());
    return List.of(new Label("Method"), methods, new Label("Top k"), k, layers, embedding,
        recurrent, dense, dimensionLabel, dimension, runHolder, cancelButton);
  }

  private static CheckBox layerBox(String id, String text,
      javafx.beans.property.BooleanProperty chosen, BooleanBinding disabled) {
    CheckBox box = new CheckBox(text);
    box.setId(id);
    box.selectedProperty().bindBidirectional(chosen);
    box.disableProperty().bind(disabled);
    return box;
  }
}
