package io.gradlens.app.error;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Pure helpers that turn exceptions into a one-line summary and a details text. */
public final class ErrorMessages {

  private static final int MAX_LENGTH = 200;

  private ErrorMessages() {
  }

  /** @return the innermost meaningful cause (unwraps execution/completion/reflection wrappers) */
  public static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof ExecutionException || t instanceof CompletionException
        || t instanceof InvocationTargetException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  /** @return one line: the first line of the message, or the exception's simple name */
  public static String oneLine(Throwable error) {
    Throwable t = unwrap(error);
    String message = t.getMessage();
    String line = message == null || message.isBlank()
        ? t.getClass().getSimpleName()
        : message.strip().lines().findFirst().orElse("");
    return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH - 1) + "\u2026" : line;
  }

  /** @return the full stack trace */
  public static String details(Throwable error) {
    StringWriter out = new StringWriter();
    error.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
