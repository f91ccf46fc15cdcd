package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** Every range a zoom or pan asks for is moved and shrunk into the cells; labels follow the zoom. */
class TokenAxisTest {

  private static final int N = 100;

  private static TokenAxis axis() {
    List<String> tokens = new ArrayList<>();
    for (int t = 0; t < N; t++) {
      tokens.add("tok" + t);
    }
    TokenAxis axis = new TokenAxis("s", true);
    axis.setTokens(tokens);
    return axis;
  }

  @Test
  void rangesAreClampedToTheCells() {
    TokenAxis axis = axis();
    axis.setRange(new Range(-30, 10));
    assertEquals(new Range(-0.5, 39.5), axis.getRange(), "moved right, length kept");
    axis.setRange(new Range(90, 130));
    assertEquals(new Range(59.5, 99.5), axis.getRange(), "moved left, length kept");
    axis.setRange(new Range(-500, 900));
    assertEquals(new Range(-0.5, 99.5), axis.getRange(), "zooming out stops at the full map");
    axis.setRange(new Range(20.2, 20.3));
    assertEquals(1.0, axis.getRange().getLength(), 1e-12, "at least one cell");
    assertEquals(20.25, axis.getRange().getCentralValue(), 1e-12, "around the asked centre");
    axis.resizeRange2(1e6, 50);
    assertEquals(new Range(-0.5, 99.5), axis.getRange());
    axis.pan(-3);
    assertEquals(new Range(-0.5, 99.5), axis.getRange(), "no pan past the data");
  }

  @Test
  void tokensAreTheTickLabelsWhileAtMostFortyStepsShow() {
    TokenAxis axis = axis();
    axis.setRange(axis.bounds());
    assertFalse(axis.showsTokens(), "100 steps: indices");
    assertFalse(axis.isVerticalTickLabels());
    axis.setRange(new Range(10.5, 10.5 + TokenAxis.MAX_LABELLED));
    assertTrue(axis.showsTokens());
    assertTrue(axis.isVerticalTickLabels(), "words across a horizontal axis stand upright");
    assertEquals(1.0, axis.getTickUnit().getSize(), 0);
    assertEquals("tok12", axis.getTickUnit().valueToString(12));
    assertEquals("", axis.getTickUnit().valueToString(12.5), "no label between steps");
    axis.setRange(new Range(10.5, 10.5 + TokenAxis.MAX_LABELLED + 2));
    assertFalse(axis.showsTokens(), "42 steps: indices");
    assertTrue(axis.isAutoTickUnitSelection());
    axis.setTokens(List.of());
    assertEquals(null, axis.bounds());
  }

  @Test
  void longTokensAreCut() {
    TokenAxis axis = new TokenAxis("t", false);
    axis.setTokens(List.of("supercalifragilistic", "a"));
    assertEquals("supercalifragi\u2026", axis.tokenLabel(0));
    assertEquals("a", axis.tokenLabel(1));
  }
}
