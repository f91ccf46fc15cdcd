package io.gradlens.app.dataimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.gradlens.data.imports.ImportProblem;
import org.junit.jupiter.api.Test;

/** The wording of the dialog's problem list and the delimiter choices. */
class ProblemTextTest {

  @Test
  void aProblemSaysLineAndColumnFirst() {
    assertEquals("Line 4, column \"sentiment\": label is empty",
        ProblemText.of(new ImportProblem(4, "sentiment", "label is empty")));
    assertEquals("Line 6: unterminated quote",
        ProblemText.of(new ImportProblem(6, null, "unterminated quote")));
    assertEquals("File: has no records", ProblemText.of(new ImportProblem(0, " ", "has no records")));
  }

  @Test
  void delimitersAreFoundByTheirCharacter() {
    assertEquals(Delimiter.TAB, Delimiter.of('\t'));
    assertEquals(Delimiter.SEMICOLON, Delimiter.of(';'));
    assertNull(Delimiter.of(':'));
  }
}
