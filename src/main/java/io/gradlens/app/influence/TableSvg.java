package io.gradlens.app.influence;

import io.gradlens.app.export.SvgDrawable;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/**
 * A table drawn as text rows for SVG export: a bold header, one line per row, columns at fixed
 * widths, long cells cut with an ellipsis.
 */
final class TableSvg implements SvgDrawable {

  private static final int ROW_HEIGHT = 18;
  private static final int PAD = 8;
  private static final double CHAR_WIDTH = 7.2;

  private final List<String> header;
  private final List<List<String>> rows;
  private final int[] widths;

  /**
   * @param header column titles
   * @param rows cells, as many per row as titles
   * @param widths column widths in characters
   */
  TableSvg(List<String> header, List<List<String>> rows, int... widths) {
    if (widths.length != header.size()) {
      throw new IllegalArgumentException(header.size() + " columns but " + widths.length
          + " widths");
    }
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
    this.widths = widths.clone();
  }

  @Override
  public double svgWidth() {
    int chars = 0;
    for (int w : widths) {
      chars += w + 2;
    }
    return 2 * PAD + chars * CHAR_WIDTH;
  }

  @Override
  public double svgHeight() {
    return 2 * PAD + (rows.size() + 1) * ROW_HEIGHT;
  }

  @Override
  public void drawSvg(Graphics2D g) {
    g.setColor(java.awt.Color.WHITE);
    g.fillRect(0, 0, (int) Math.ceil(svgWidth()), (int) Math.ceil(svgHeight()));
    g.setColor(java.awt.Color.BLACK);
    g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 12));
    drawRow(g, header, PAD + ROW_HEIGHT - 5);
    g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
    for (int r = 0; r < rows.size(); r++) {
      drawRow(g, rows.get(r), PAD + (r + 2) * ROW_HEIGHT - 5);
    }
  }

  private void drawRow(Graphics2D g, List<String> cells, int baseline) {
    double x = PAD;
    for (int c = 0; c < widths.length; c++) {
      g.drawString(cut(c < cells.size() ? cells.get(c) : "", widths[c]), (float) x, baseline);
      x += (widths[c] + 2) * CHAR_WIDTH;
    }
  }

  /** @return {@code text} cut to {@code width} characters, with an ellipsis when cut */
  static String cut(String text, int width) {
    String s = text == null ? "" : text.replace('\n', ' ');
    return s.length() <= width ? s : s.substring(0, Math.max(0, width - 1)) + "\u2026";
  }
}
