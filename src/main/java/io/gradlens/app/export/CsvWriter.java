package io.gradlens.app.export;

import io.gradlens.export.AttributionCsv;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes RFC 4180 CSV (comma separator, CRLF line ends, quotes only where needed), UTF-8, with text
 * cells neutralised against spreadsheet formula injection as on the command line.
 */
public final class CsvWriter {

  private CsvWriter() {
  }

  /**
   * Writes a header row and data rows atomically.
   *
   * @throws IOException on failure (the target is then untouched)
   */
  public static void write(Path target, List<String> header, List<? extends List<String>> rows)
      throws IOException {
    AtomicFileWriter.write(target, out -> {
      Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writeRow(w, header);
      for (List<String> row : rows) {
        writeRow(w, row);
      }
      w.flush();
    });
  }

  private static void writeRow(Writer w, List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        w.write(',');
      }
      w.write(quote(cells.get(i)));
    }
    w.write("\r\n");
  }

  /**
   * @return the cell as the command line's CSV writes it ({@link AttributionCsv#quote}): a text cell
   *     that a spreadsheet would run as a formula gets a leading {@code '}, then a cell with , " CR
   *     or LF is quoted with doubled quotes; a number (such as {@code -0.25}) stays a number
   */
  public static String quote(String cell) {
    String s = cell == null ? "" : cell;
    return isNumber(s) ? s : AttributionCsv.quote(s);
  }

  private static boolean isNumber(String s) {
    return NUMBER.matcher(s).matches();
  }

  /** Decimal numbers as the views format them: sign, digits, point, exponent; NaN and infinities. */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile(
      "[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(NaN|Infinity)");
}
