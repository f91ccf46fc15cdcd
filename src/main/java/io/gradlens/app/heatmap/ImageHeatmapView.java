package io.gradlens.app.heatmap;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.color.Rgb;
import io.gradlens.app.export.SvgDrawable;
import java.awt.Graphics2D;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Pixel saliency: the original grayscale image, the heatmap and an overlay side by side, scaled
 * up with nearest-neighbour, plus a legend.
 */
public final class ImageHeatmapView extends VBox implements SvgDrawable {

  /** Maximum opacity of the heatmap in the overlay. */
  public static final double OVERLAY_ALPHA = 0.7;
  private static final double GAP = 12;

  private final ImageView original = view("image-original");
  private final ImageView heat = view("image-heatmap");
  private final ImageView overlay = view("image-overlay");
  private final LegendBar legend = new LegendBar();
  private double[][] pixels;
  private double[][] scores;
  private DivergingColorScale scale;
  private int zoom = 1;
  private boolean[] marked = new boolean[0];
  private final java.util.SortedSet<Integer> stroke = new java.util.TreeSet<>();
  private java.util.function.Consumer<int[]> paintHandler;
  private int brushRadius = 1;

  /** Creates an empty view. */
  public ImageHeatmapView() {
    super(8);
    setPadding(new Insets(8));
    getStyleClass().add("image-heatmap");
    HBox row = new HBox(GAP, titled("Input", original), titled("Saliency", heat),
        titled("Overlay", overlay));
    row.setAlignment(Pos.TOP_LEFT);
    getChildren().addAll(row, legend);
    original.setOnMousePressed(e -> paintAt(e.getX(), e.getY()));
    original.setOnMouseDragged(e -> paintAt(e.getX(), e.getY()));
    original.setOnMouseReleased(e -> finishStroke());
  }

  /**
   * Enables (or with {@code null} disables) the brush on the input image: a stroke is shown hatched
   * while it is painted and handed over as pixel positions {@code row · width + col} on release.
   */
  public void setOnPixelsPainted(java.util.function.Consumer<int[]> handler) {
    paintHandler = handler;
    original.setCursor(handler == null ? null : javafx.scene.Cursor.CROSSHAIR);
  }

  /** @param radius brush radius in image pixels (0: one pixel) */
  public void setBrushRadius(int radius) {
    brushRadius = Math.max(0, radius);
  }

  /** Hatches the marked pixels ({@code row · width + col}) on the input image. */
  public void setMarkedPixels(boolean[] pixelsMarked) {
    marked = pixelsMarked.clone();
    redrawInput();
  }

  /** @return how many pixels are shown as marked */
  public int markedPixelCount() {
    int n = 0;
    for (boolean m : marked) {
      n += m ? 1 : 0;
    }
    return n;
  }

  private void paintAt(double x, double y) {
    if (paintHandler == null || pixels == null) {
      return;
    }
    int rows = PixelMaps.rows(pixels);
    int cols = PixelMaps.cols(pixels);
    int col = (int) Math.floor(x / zoom);
    int row = (int) Math.floor(y / zoom);
    if (row < 0 || col < 0 || row >= rows || col >= cols) {
      return;
    }
    for (int p : PixelMaps.brush(row, col, brushRadius, rows, cols)) {
      stroke.add(p);
    }
    redrawInput();
  }

  private void finishStroke() {
    if (paintHandler == null || stroke.isEmpty()) {
      return;
    }
    int[] painted = stroke.stream().mapToInt(Integer::intValue).toArray();
    stroke.clear();
    paintHandler.accept(painted);
  }

  private void redrawInput() {
    if (pixels == null) {
      return;
    }
    int cols = PixelMaps.cols(pixels);
    int[] argb = PixelMaps.grayscale(pixels, zoom);
    boolean[] shown = java.util.Arrays.copyOf(marked, PixelMaps.rows(pixels) * cols);
    for (int p : stroke) {
      shown[p] = true;
    }
    PixelMaps.hatch(argb, cols, zoom, shown);
    original.setImage(toImage(argb, cols * zoom, PixelMaps.rows(pixels) * zoom));
  }

  private static ImageView view(String id) {
    ImageView v = new ImageView();
    v.setId(id);
    v.setSmooth(false);
    return v;
  }

  private static VBox titled(String title, ImageView image) {
    VBox box = new VBox(4, new Label(title), image);
    box.setAlignment(Pos.TOP_CENTER);
    return box;
  }

  /**
   * Shows an image and its per-pixel scores.
   *
   * @param image grayscale values in [0, 1], rows × cols
   * @param pixelScores attribution per pixel, same shape
   * @param colorScale diverging scale for the scores
   * @param scaleFactor integer nearest-neighbour zoom (≥ 1)
   */
  public void setImage(double[][] image, double[][] pixelScores, DivergingColorScale colorScale,
      int scaleFactor) {
    PixelMaps.checkSameShape(image, pixelScores);
    pixels = image;
    scores = pixelScores;
    scale = colorScale;
    zoom = scaleFactor;
    int width = PixelMaps.cols(image) * scaleFactor;
    int height = PixelMaps.rows(image) * scaleFactor;
    redrawInput();
    heat.setImage(toImage(PixelMaps.heatmap(pixelScores, colorScale, scaleFactor), width, height));
    overlay.setImage(toImage(
        PixelMaps.overlay(image, pixelScores, colorScale, OVERLAY_ALPHA, scaleFactor), width,
        height));
    legend.setHalfRange(colorScale.halfRange());
  }

  private static WritableImage toImage(int[] argb, int width, int height) {
    WritableImage img = new WritableImage(width, height);
    img.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0,
        width);
    return img;
  }

  /** @return the legend */
  public LegendBar legend() {
    return legend;
  }

  /** @return the heatmap image (null before {@link #setImage}) */
  public WritableImage heatmapImage() {
    return (WritableImage) heat.getImage();
  }

  @Override
  public double svgWidth() {
    return pixels == null ? 1 : 3 * PixelMaps.cols(pixels) * zoom + 2 * GAP;
  }

  /** The three panels' height plus the colour legend drawn below them. */
  @Override
  public double svgHeight() {
    return pixels == null ? 1 : PixelMaps.rows(pixels) * zoom + LegendSvg.HEIGHT;
  }

  /** Draws input, heatmap and overlay, and below them the colour legend with its range. */
  @Override
  public void drawSvg(Graphics2D g) {
    if (pixels == null) {
      return;
    }
    int rows = PixelMaps.rows(pixels);
    int cols = PixelMaps.cols(pixels);
    double panel = cols * zoom + GAP;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double t = scale.normalize(scores[r][c]);
        Rgb gray = Rgb.gray(pixels[r][c]);
        Rgb heatColor = scale.color(scores[r][c]);
        Rgb over = gray.mix(heatColor, Double.isNaN(t) ? 0 : Math.abs(t) * OVERLAY_ALPHA);
        Rgb[] cells = {gray, heatColor, over};
        for (int p = 0; p < 3; p++) {
          g.setColor(FxColors.awt(cells[p]));
          g.fill(new java.awt.geom.Rectangle2D.Double(p * panel + c * zoom, r * zoom, zoom, zoom));
        }
      }
    }
    LegendSvg.draw(g, scale, 0, rows * zoom);
  }
}
