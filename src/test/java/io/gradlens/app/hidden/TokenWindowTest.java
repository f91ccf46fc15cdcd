package io.gradlens.app.hidden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenWindowTest {

  @Test
  void shortTextsAreShownWhole() {
    assertEquals(new TokenWindow(0, 15), TokenWindow.of(15, 7, 400));
    assertEquals(new TokenWindow(0, 400), TokenWindow.of(400, -1, 400));
  }

  @Test
  void longTextsShowMaxTokensEndingJustAfterTheSelectedStep() {
    assertEquals(new TokenWindow(0, 400), TokenWindow.of(1441, -1, 400));
    assertEquals(new TokenWindow(0, 400), TokenWindow.of(1441, 100, 400));
    assertEquals(new TokenWindow(1000 + 1 + 20 - 400, 1021), TokenWindow.of(1441, 1000, 400));
    assertEquals(new TokenWindow(1041, 1441), TokenWindow.of(1441, 1440, 400));
    TokenWindow w = TokenWindow.of(1441, 1000, 400);
    assertTrue(w.contains(1000) && w.contains(621));
    assertFalse(w.contains(620) || w.contains(1021));
  }
}
