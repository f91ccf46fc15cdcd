package io.gradlens.app.heatmap;

import io.gradlens.app.color.DivergingColorScale;
import io.gradlens.app.color.Rgb;
import io.gradlens.app.export.SvgDrawable;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.CornerRadii;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * Tokens laid out as flowing text, each on a background coloured by its score under a
 * {@link DivergingColorScale}, with the exact score as tooltip and a legend bar. Token text is
 * shown literally (labels never parse mnemonics or markup).
 */
public final class TokenHeatmapView extends VBox implements SvgDrawable {

  private static final double SVG_WIDTH = 800;
  private static final double SVG_PAD = 4;

  private final FlowPane flow = new FlowPane(2, 4);
  private final LegendBar legend = new LegendBar();
  private final Label placeholder = new Label();
  private List<String> tokens = List.of();
  private double[] scores = new double[0];
  private DivergingColorScale scale = DivergingColorScale.withHalfRange(1);
  private TokenClickHandler clickHandler;
  private java.util.Set<Integer> marked = java.util.Set.of();
  private java.util.Set<Integer> outOfVocabulary = java.util.Set.of();

  /** Creates an empty view. */
  public TokenHeatmapView() {
    super(8);
    getStyleClass().add("token-heatmap");
    setPadding(new Insets(8));
    flow.setId("token-flow");
    placeholder.setId("token-placeholder");
    placeholder.setWrapText(true);
    getChildren().addAll(flow, legend);
    showMessage("");
  }

  /** Clears the tokens and shows a message instead. */
  public void showMessage(String message) {
    tokens = List.of();
    scores = new double[0];
    placeholder.setText(message);
    flow.getChildren().setAll(placeholder);
  }

  /**
   * Shows tokens coloured by their scores.
   *
   * @throws IllegalArgumentException when the lengths differ
   */
  public void setTokens(List<String> newTokens, double[] newScores, DivergingColorScale colorScale) {
    if (newTokens.size() != newScores.length) {
      throw new IllegalArgumentException("tokens and scores differ in length");
    }
    tokens = List.copyOf(newTokens);
    scores = newScores.clone();
    scale = colorScale;
    legend.setHalfRange(colorScale.halfRange());
    List<Label> labels = new ArrayList<>(tokens.size());
    for (int i = 0; i < tokens.size(); i++) {
      labels.add(tokenLabel(i));
    }
    flow.getChildren().setAll(labels);
  }

  private Label tokenLabel(int index) {
    String token = tokens.get(index);
    double score = scores[index];
    Rgb rgb = scale.color(score);
    Label label = new Label(token);
    label.setMnemonicParsing(false);
    label.getStyleClass().add("token");
    label.setPadding(new Insets(1, 3, 1, 3));
    label.setBackground(new Background(new BackgroundFill(FxColors.fx(rgb), new CornerRadii(3),
        Insets.EMPTY)));
    label.setTextFill(rgb.prefersDarkText() ? Color.BLACK : Color.WHITE);
    boolean oov = outOfVocabulary.contains(index);
    label.setTooltip(new Tooltip(tooltipText(token, score) + (oov ? "\n" + OOV_NOTE : "")));
    if (oov) {
      label.getStyleClass().add("token-oov");
      label.setStyle("-fx-font-style: italic; -fx-underline: true");
    }
    label.setUserData(index);
    styleMark(label, marked.contains(index));
    if (clickHandler != null) {
      label.setCursor(Cursor.HAND);
    }
    label.setOnMouseClicked(e -> {
      if (clickHandler != null) {
        clickHandler.tokenClicked(index, token);
      }
    });
    return label;
  }

  /** Tooltip line of a token the model's vocabulary does not know. */
  public static final String OOV_NOTE = "not in the model's vocabulary";

  /**
   * Shows the tokens at {@code positions} as out of the model's vocabulary (italic, underlined,
   * style class {@code token-oov}, a tooltip line) from the next {@link #setTokens} on.
   */
  public void setOutOfVocabulary(java.util.Set<Integer> positions) {
    outOfVocabulary = java.util.Set.copyOf(positions);
  }

  /** @return tooltip text: the token and its exact score */
  static String tooltipText(String token, double score) {
    return token + "\nscore = " + String.format(Locale.ROOT, "%.6g", score);
  }

  /**
   * Outlines the tokens at {@code positions} with a dashed black frame (style class
   * {@code token-marked}): marked
   * "must not matter" (the fix-the-reasons loop).
   */
  public void setMarked(java.util.Set<Integer> positions) {
    marked = java.util.Set.copyOf(positions);
    for (javafx.scene.Node n : flow.getChildren()) {
      if (n instanceof Label l && l.getUserData() instanceof Integer i) {
        styleMark(l, marked.contains(i));
      }
    }
  }

  /** @return the positions shown as marked */
  public java.util.Set<Integer> markedPositions() {
    return marked;
  }

  private static void styleMark(Label label, boolean isMarked) {
    label.setBorder(isMarked ? MARK_BORDER : null);
    if (isMarked) {
      label.getStyleClass().add("token-marked");
    } else {
      label.getStyleClass().remove("token-marked");
    }
  }

  private static final javafx.scene.layout.Border MARK_BORDER = new javafx.scene.layout.Border(
      new javafx.scene.layout.BorderStroke(Color.BLACK, new javafx.scene.layout.BorderStrokeStyle(
          javafx.scene.shape.StrokeType.INSIDE, javafx.scene.shape.StrokeLineJoin.MITER,
          javafx.scene.shape.StrokeLineCap.BUTT, 10, 0, java.util.List.of(4.0, 3.0)),
          new CornerRadii(3), new javafx.scene.layout.BorderWidths(2)));

  /** Sets (or clears with {@code null}) the handler for token clicks. */
  public void setOnTokenClicked(TokenClickHandler handler) {
    clickHandler = handler;
    flow.getChildren().forEach(n -> n.setCursor(handler == null ? null : Cursor.HAND));
  }

  /** @return number of tokens shown */
  public int tokenCount() {
    return tokens.size();
  }

  /** @return a copy of the shown scores, one per token */
  public double[] scores() {
    return scores.clone();
  }

  /** @return the legend */
  public LegendBar legend() {
    return legend;
  }

  @Override
  public double svgWidth() {
    return SVG_WIDTH;
  }

  /** The tokens' height plus the colour legend drawn below them. */
  @Override
  public double svgHeight() {
    return layoutSvg(null) + LegendSvg.HEIGHT + SVG_PAD;
  }

  /** Draws the tokens and, below them, the colour legend with its range. */
  @Override
  public void drawSvg(Graphics2D g) {
    double y = layoutSvg(g);
    LegendSvg.draw(g, scale, SVG_PAD, y);
  }

  /** Lays tokens out in lines (drawing when {@code g} is non-null); returns the used height. */
  private double layoutSvg(Graphics2D g) {
    java.awt.Font font = new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 14);
    java.awt.image.BufferedImage scratch =
        new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_ARGB);
    Graphics2D measure = scratch.createGraphics();
    FontMetrics fm = measure.getFontMetrics(font);
    measure.dispose();
    double lineHeight = fm.getHeight() + 6;
    double x = SVG_PAD;
    double y = SVG_PAD;
    for (int i = 0; i < tokens.size(); i++) {
      String token = tokens.get(i);
      double w = fm.stringWidth(token) + 6;
      if (x + w > SVG_WIDTH - SVG_PAD && x > SVG_PAD) {
        x = SVG_PAD;
        y += lineHeight;
      }
      if (g != null) {
        Rgb rgb = scale.color(scores[i]);
        g.setFont(font);
        g.setColor(FxColors.awt(rgb));
        g.fill(new java.awt.geom.RoundRectangle2D.Double(x, y, w, lineHeight - 2, 4, 4));
        g.setColor(rgb.prefersDarkText() ? java.awt.Color.BLACK : java.awt.Color.WHITE);
        g.drawString(token, (float) (x + 3), (float) (y + fm.getAscent() + 2));
      }
      x += w + 3;
    }
    return tokens.isEmpty() ? SVG_PAD : y + lineHeight;
  }
}
