package io.gradlens.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  @Test
  void quotesOnlyWhenNeeded() {
    assertEquals("plain", CsvWriter.quote("plain"));
    assertEquals("\"a,b\"", CsvWriter.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", CsvWriter.quote("say \"hi\""));
    assertEquals("\"two\nlines\"", CsvWriter.quote("two\nlines"));
    assertEquals("", CsvWriter.quote(null));
  }

  @Test
  void writesRfc4180(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("scores.csv");
    CsvWriter.write(f, List.of("token", "score"), List.of(List.of("caf\u00e9", "0.5"),
        List.of(",", "-1")));
    assertEquals("token,score\r\ncaf\u00e9,0.5\r\n\",\",-1\r\n",
        Files.readString(f, StandardCharsets.UTF_8));
  }

  @Test
  void textThatASpreadsheetWouldRunIsNeutralisedButNumbersStayNumbers() {
    assertEquals("'=HYPERLINK(\"http://x\")".replace("\"", "\"\""), CsvWriter.quote("=HYPERLINK(\"http://x\")")
        .substring(1, CsvWriter.quote("=HYPERLINK(\"http://x\")").length() - 1));
    assertEquals("'+cmd", CsvWriter.quote("+cmd"));
    assertEquals("'@SUM(A1)", CsvWriter.quote("@SUM(A1)"));
    assertEquals("'-", CsvWriter.quote("-"));
    assertEquals("-0.25", CsvWriter.quote("-0.25"));
    assertEquals("+1.5e-07", CsvWriter.quote("+1.5e-07"));
    assertEquals("-Infinity", CsvWriter.quote("-Infinity"));
    assertEquals(io.gradlens.export.AttributionCsv.quote("=1+2"), CsvWriter.quote("=1+2"));
  }
}
