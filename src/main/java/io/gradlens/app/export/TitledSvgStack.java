package io.gradlens.app.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * Several {@link SvgDrawable}s stacked top to bottom, each under a bold title line (compare mode:
 * the current model's heatmap above the other model's, each with its own legend).
 */
public final class TitledSvgStack implements SvgDrawable {

  private static final double TITLE_HEIGHT = 22;
  private static final double GAP = 10;
  private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  private final List<String> titles;
  private final List<SvgDrawable> parts;

  /**
   * @param titles one title per part
   * @param parts the drawables, top first
   * @throws IllegalArgumentException when the lists differ in length or are empty
   */
  public TitledSvgStack(List<String> titles, List<SvgDrawable> parts) {
    if (titles.size() != parts.size() || parts.isEmpty()) {
      throw new IllegalArgumentException("one title per part needed: " + titles.size()
          + " titles, " + parts.size() + " parts");
    }
    this.titles = List.copyOf(titles);
    this.parts = List.copyOf(parts);
  }

  @Override
  public double svgWidth() {
    return parts.stream().mapToDouble(SvgDrawable::svgWidth).max().orElse(1);
  }

  @Override
  public double svgHeight() {
    return parts.stream().mapToDouble(p -> TITLE_HEIGHT + p.svgHeight()).sum()
        + GAP * (parts.size() - 1);
  }

  @Override
  public void drawSvg(Graphics2D g) {
    double y = 0;
    for (int i = 0; i < parts.size(); i++) {
      g.setFont(TITLE_FONT);
      g.setColor(Color.BLACK);
      g.drawString(titles.get(i), 4f, (float) (y + TITLE_HEIGHT - 6));
      y += TITLE_HEIGHT;
      AffineTransform saved = g.getTransform();
      g.translate(0, y);
      parts.get(i).drawSvg(g);
      g.setTransform(saved);
      y += parts.get(i).svgHeight() + GAP;
    }
  }
}
