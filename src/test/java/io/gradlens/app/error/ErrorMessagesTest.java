package io.gradlens.app.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ErrorMessagesTest {

  @Test
  void oneLineUsesFirstLineOfInnermostMessage() {
    Exception e = new ExecutionException(new IllegalStateException("bad shape\n at layer 2"));
    assertEquals("bad shape", ErrorMessages.oneLine(e));
  }

  @Test
  void fallsBackToClassName() {
    assertEquals("NullPointerException", ErrorMessages.oneLine(new NullPointerException()));
  }

  @Test
  void truncatesLongMessages() {
    assertEquals(200, ErrorMessages.oneLine(new RuntimeException("x".repeat(500))).length());
  }

  @Test
  void detailsContainStackTrace() {
    String d = ErrorMessages.details(new IllegalArgumentException("boom"));
    assertTrue(d.contains("IllegalArgumentException: boom"));
    assertTrue(d.contains("ErrorMessagesTest"));
  }
}
