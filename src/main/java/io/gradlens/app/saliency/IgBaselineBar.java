package io.gradlens.app.saliency;

import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.explain.MethodParameter;
import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The Integrated Gradients baseline on the Saliency toolbar: a choice ({@link IgBaseline}) and its
 * value (a number or a word), always laid out, the value field disabled for "Zero". A value that
 * does not parse is outlined red, says why in its tooltip and is not used; a valid one sets the
 * command line's {@code --baseline} value.
 */
final class IgBaselineBar extends HBox {

  /** Style of a value that does not parse: a red frame and a pale red background. */
  static final String INVALID_STYLE =
      "-fx-text-box-border: #b2182b; -fx-control-inner-background: #fde0dd;";

  /** @param baseline the view model's {@code --baseline} value */
  IgBaselineBar(StringProperty baseline) {
    super(4);
    setAlignment(Pos.CENTER_LEFT);
    MethodParameter spec = SaliencyMethod.INTEGRATED_GRADIENTS.descriptor().parameter("baseline");
    ComboBox<IgBaseline> kind = new ComboBox<>();
    kind.setId("ig-baseline");
    kind.getItems().setAll(IgBaseline.values());
    kind.setTooltip(new Tooltip(spec.help()));
    TextField value = new TextField();
    value.setId("ig-baseline-value");
    value.setPrefColumnCount(6);
    String shown = baseline.get();
    if (shown.startsWith("token:")) {
      kind.setValue(IgBaseline.TOKEN);
      value.setText(shown.substring("token:".length()));
    } else if (shown.equals("zero")) {
      kind.setValue(IgBaseline.ZERO);
    } else {
      kind.setValue(IgBaseline.CONSTANT);
      value.setText(shown);
    }
    Runnable apply = () -> {
      IgBaseline k = kind.getValue();
      value.setPromptText(k == IgBaseline.TOKEN ? "word" : k == IgBaseline.CONSTANT ? "number" : "");
      try {
        baseline.set(k.cliValue(value.getText()));
        value.setStyle("");
        value.setTooltip(new Tooltip(spec.help()));
      } catch (IllegalArgumentException e) {
        // The field's own border recoloured: a CSS border would add to its height and move the
        // toolbar's row.
        value.setStyle(INVALID_STYLE);
        value.setTooltip(new Tooltip(e.getMessage()));
      }
    };
    kind.valueProperty().addListener((o, a, b) -> apply.run());
    value.textProperty().addListener((o, a, b) -> apply.run());
    value.disableProperty().bind(Bindings.createBooleanBinding(
        () -> kind.getValue() == null || !kind.getValue().needsValue(), kind.valueProperty()));
    getChildren().addAll(new Label(spec.label()), kind, value);
  }
}
