package io.gradlens.app.fakes;

import io.gradlens.app.error.ErrorReporter;
import java.util.ArrayList;
import java.util.List;

/** Test double: records reported errors. */
public final class RecordingErrorReporter implements ErrorReporter {

  /** One report. */
  public record Report(String action, Throwable error) { }

  private final List<Report> reports = new ArrayList<>();

  @Override
  public void report(String action, Throwable error) {
    reports.add(new Report(action, error));
  }

  /** @return reports so far */
  public List<Report> reports() {
    return reports;
  }
}
