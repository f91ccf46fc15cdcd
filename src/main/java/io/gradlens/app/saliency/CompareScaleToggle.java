package io.gradlens.app.saliency;

import java.util.EnumMap;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * "Colour scale: Per model | Shared" for compare mode: two toggle buttons, one always chosen,
 * mirroring a {@link CompareScale} property; disabled while the colours use the fixed scale.
 */
final class CompareScaleToggle extends HBox {

  /**
   * @param scale the view model's choice
   * @param enabled whether the heatmaps are normalised per example (else the scale is fixed)
   */
  CompareScaleToggle(ObjectProperty<CompareScale> scale, ObservableBooleanValue enabled) {
    super(4);
    ToggleGroup group = new ToggleGroup();
    Map<CompareScale, ToggleButton> buttons = new EnumMap<>(CompareScale.class);
    for (CompareScale choice : CompareScale.values()) {
      ToggleButton b = new ToggleButton(choice.label());
      b.setId(choice == CompareScale.PER_MODEL ? "compare-scale-per-model" : "compare-scale-shared");
      b.setToggleGroup(group);
      b.setUserData(choice);
      buttons.put(choice, b);
    }
    buttons.get(CompareScale.PER_MODEL).setTooltip(new Tooltip("Each heatmap is coloured by its "
        + "own largest |score|: where each model looks, even when one model's scores are far "
        + "smaller (its legend shows its range)"));
    buttons.get(CompareScale.SHARED).setTooltip(new Tooltip("Both heatmaps use the larger "
        + "|score| of the two: equal colours mean equal scores"));
    buttons.get(scale.get()).setSelected(true);
    group.selectedToggleProperty().addListener((o, a, b) -> {
      if (b == null) {
        a.setSelected(true); // one of the two is always chosen
      } else {
        scale.set((CompareScale) b.getUserData());
      }
    });
    scale.addListener((o, a, b) -> buttons.get(b).setSelected(true));
    getChildren().addAll(new Label("Colour scale"), buttons.get(CompareScale.PER_MODEL),
        buttons.get(CompareScale.SHARED));
    setAlignment(Pos.CENTER_LEFT);
    disableProperty().bind(javafx.beans.binding.Bindings.not(enabled));
  }
}
