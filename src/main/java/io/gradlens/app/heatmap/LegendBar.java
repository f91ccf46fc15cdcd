package io.gradlens.app.heatmap;

import io.gradlens.app.color.DivergingColorScale;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;

/**
 * Horizontal legend of the diverging scale: "−max", a gradient bar, "+max", where max is the score
 * that saturates the colours under the heatmap's own normalisation; {@link LegendSvg} draws the
 * same legend into an exported SVG or PNG.
 */
public final class LegendBar extends HBox {

  private static final int WIDTH = 160;
  private static final int HEIGHT = 12;

  private final Label low = new Label();
  private final Label high = new Label();
  private String range = "";

  /** Creates a legend for half-range 1. */
  public LegendBar() {
    super(6);
    setAlignment(Pos.CENTER_LEFT);
    getStyleClass().add("legend-bar");
    WritableImage gradient = new WritableImage(WIDTH, HEIGHT);
    int[] row = new int[WIDTH];
    for (int x = 0; x < WIDTH; x++) {
      row[x] = DivergingColorScale.colorAt(2.0 * x / (WIDTH - 1) - 1).toArgb();
    }
    for (int y = 0; y < HEIGHT; y++) {
      gradient.getPixelWriter().setPixels(0, y, WIDTH, 1, PixelFormat.getIntArgbInstance(), row,
          0, WIDTH);
    }
    low.setId("legend-low");
    high.setId("legend-high");
    ImageView bar = new ImageView(gradient);
    bar.setId("legend-gradient");
    getChildren().addAll(low, bar, high);
    setHalfRange(1);
  }

  /** Shows the score that saturates the colours. */
  public void setHalfRange(double halfRange) {
    low.setText(String.format(java.util.Locale.ROOT, "%+.3g", -halfRange));
    high.setText(String.format(java.util.Locale.ROOT, "%+.3g", halfRange));
    range = DivergingColorScale.withHalfRange(halfRange).rangeText();
    Tooltip.install(this, new Tooltip("Colour scale " + range + ": blue negative, white zero, red "
        + "positive; scores beyond it saturate"));
  }

  /** @return the range the colours span, e.g. {@code −0.0420 … +0.0420} */
  public String rangeText() {
    return range;
  }

  /** @return text of the upper bound label */
  public String highText() {
    return high.getText();
  }
}
