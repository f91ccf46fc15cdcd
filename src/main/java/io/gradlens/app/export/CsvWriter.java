package io.gradlens.app.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Writes RFC 4180 CSV (comma separator, CRLF line ends, quotes only where needed), UTF-8. */
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

  /** @return the cell, quoted and with doubled quotes when it contains , " CR or LF */
  public static String quote(String cell) {
    String s = cell == null ? "" : cell;
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
