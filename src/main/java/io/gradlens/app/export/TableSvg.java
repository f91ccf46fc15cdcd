package io.gradlens.app.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** A table of text cells drawn as vector graphics: a bold header row, then the rows. */
public final class TableSvg implements SvgDrawable {

  private static final Font BODY = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Font HEAD = BODY.deriveFont(Font.BOLD);
  private static final int ROW_HEIGHT = 18;
  private static final int PADDING = 6;

  private final List<String> header;
  private final List<? extends List<String>> rows;
  private final int[] widths;

  /**
   * @param header column titles
   * @param rows cells, one list per row with one cell per column
   */
  public TableSvg(List<String> header, List<? extends List<String>> rows) {
    this.header = List.copyOf(header);
    this.rows = List.copyOf(rows);
    widths = new int[header.size()];
    Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics();
    FontMetrics head = g.getFontMetrics(HEAD);
    FontMetrics body = g.getFontMetrics(BODY);
    for (int c = 0; c < widths.length; c++) {
      widths[c] = head.stringWidth(header.get(c));
      for (List<String> r : rows) {
        widths[c] = Math.max(widths[c], body.stringWidth(r.get(c)));
      }
      widths[c] += 2 * PADDING;
    }
    g.dispose();
  }

  @Override
  public double svgWidth() {
    int w = 0;
    for (int x : widths) {
      w += x;
    }
    return w;
  }

  @Override
  public double svgHeight() {
    return (rows.size() + 1) * ROW_HEIGHT;
  }

  @Override
  public void drawSvg(Graphics2D g) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, (int) svgWidth(), (int) svgHeight());
    drawRow(g, header, 0, HEAD);
    for (int r = 0; r < rows.size(); r++) {
      if (r % 2 == 1) {
        g.setColor(new Color(0xF4, 0xF4, 0xF4));
        g.fillRect(0, (r + 1) * ROW_HEIGHT, (int) svgWidth(), ROW_HEIGHT);
      }
      drawRow(g, rows.get(r), r + 1, BODY);
    }
    g.setColor(Color.GRAY);
    g.drawLine(0, ROW_HEIGHT, (int) svgWidth(), ROW_HEIGHT);
  }

  private void drawRow(Graphics2D g, List<String> cells, int row, Font font) {
    g.setFont(font);
    g.setColor(Color.BLACK);
    int x = 0;
    int baseline = row * ROW_HEIGHT + ROW_HEIGHT - 5;
    for (int c = 0; c < widths.length; c++) {
      g.drawString(cells.get(c), x + PADDING, baseline);
      x += widths[c];
    }
  }
}
