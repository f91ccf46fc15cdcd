package io.gradlens.app.corpus;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.format.MappedNpy;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;

/**
 * A heatmap of a mapped T×T matrix drawn at the resolution it is shown at: each layout samples the
 * matrix down to at most one value per displayed pixel ({@link MappedNpy#downsample}), so a
 * 1,403-step corpus map in a 500-pixel square reads 500² values, never the whole map into the heap.
 * Rows are t (the step whose hidden state is differentiated), columns s; colours are diverging,
 * saturating at the largest |value| sampled.
 */
public final class MappedMapView extends Region {

  private final ImageView image = new ImageView();
  private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("");
  private MappedNpy map;
  private int renderedRows;
  private int renderedCols;

  /** An empty view. */
  public MappedMapView() {
    setId("corpus-map");
    image.setSmooth(false);
    getChildren().add(image);
    setMinSize(120, 120);
    setPrefSize(420, 420);
  }

  /** Shows {@code matrix} (null clears). */
  public void setMap(MappedNpy matrix) {
    this.map = matrix;
    renderedRows = 0;
    renderedCols = 0;
    requestLayout();
    if (matrix == null) {
      image.setImage(null);
      caption.set("");
    }
  }

  @Override
  protected void layoutChildren() {
    double side = Math.floor(Math.min(getWidth() - snappedLeftInset() - snappedRightInset(),
        getHeight() - snappedTopInset() - snappedBottomInset()));
    if (map == null || side < 1) {
      return;
    }
    int pixels = (int) side;
    int rows = (int) Math.min(map.rows(), pixels);
    if (rows != renderedRows) {
      render(pixels);
    }
    image.setFitWidth(side);
    image.setFitHeight(side);
    image.relocate(snappedLeftInset(), snappedTopInset());
  }

  private void render(int pixels) {
    MappedNpy.Grid grid = map.downsample(pixels, pixels);
    DivergingColorScale scale = DivergingColorScale.fitting(grid.values());
    WritableImage img = new WritableImage(grid.cols(), grid.rows());
    PixelWriter w = img.getPixelWriter();
    for (int r = 0; r < grid.rows(); r++) {
      for (int c = 0; c < grid.cols(); c++) {
        w.setArgb(c, r, scale.color(grid.at(r, c)).toArgb());
      }
    }
    image.setImage(img);
    renderedRows = grid.rows();
    renderedCols = grid.cols();
    caption.set("mean map G[t][s], " + map.rows() + "\u00d7" + map.rowLength() + " (rows t, columns s), shown at " + renderedRows + "\u00d7"
        + renderedCols + " (" + scale.rangeText() + ")");
  }

  /** @return rows of the matrix sampled for the current display (0 before the first layout) */
  public int renderedRows() {
    return renderedRows;
  }

  /** @return columns sampled for the current display */
  public int renderedCols() {
    return renderedCols;
  }

  /** @return what is shown and at which resolution */
  public ReadOnlyStringProperty captionProperty() {
    return caption.getReadOnlyProperty();
  }
}
