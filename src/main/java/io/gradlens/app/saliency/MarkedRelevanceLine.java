package io.gradlens.app.saliency;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.service.SaliencyMarkedRelevance;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.workflow.evaluation.MarkedRelevance;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The compare pane's relevance line: the share of |attribution| on the positions marked "must not
 * matter" ({@link MarkedRelevance}) for the compared and the current model, on the shown example
 * (at once) and as a mean over the dataset's marked test examples (in the background, the newest
 * request winning), e.g. {@code Relevance on marked tokens (“old” → “new”): this example 0.612 →
 * 0.081 · mean over 24 marked test examples 0.550 → 0.070}. Holds no nodes.
 */
final class MarkedRelevanceLine {

  private final TextSaliencyService service;
  private final TaskRunner runner;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
  private boolean[] marks = new boolean[0];
  private TaskHandle measuring;
  private long generation;

  MarkedRelevanceLine(TextSaliencyService service, TaskRunner runner) {
    this.service = service;
    this.runner = runner;
  }

  /** @return the line, empty outside compare mode */
  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  /** Sets the shown example's marks (tokens, or pixels row-major); call {@link #update} next. */
  void setMarks(boolean[] marked) {
    marks = marked.clone();
  }

  /** Empties the line and drops a running computation. */
  void clear() {
    cancel();
    generation++;
    text.set("");
  }

  /**
   * Recomputes the line.
   *
   * @param now the current model's result
   * @param then the compared model's result
   * @param other the compared model
   * @param currentName the current model's name
   * @param dataset the current dataset, or null (no mean then)
   * @param request the tab's method and target, or null when they are invalid (no mean then)
   */
  void update(SaliencyResult now, SaliencyResult then, WorkspaceEntry other, String currentName,
      WorkspaceEntry dataset, SaliencyRequest request) {
    cancel();
    long mine = ++generation;
    String head = "Relevance on marked " + (now.isImage() ? "pixels" : "tokens") + " (\u201c"
        + other.name() + "\u201d \u2192 \u201c" + currentName + "\u201d): ";
    String example = exampleShares(then, now);
    if (dataset == null || request == null) {
      text.set(head + example);
      return;
    }
    text.set(head + example + " \u00b7 mean over the marked test examples: computing\u2026");
    measuring = runner.submit("Relevance on marked positions",
        (progress, cancel) -> service.markedRelevance(other, dataset, request, progress, cancel),
        new TaskCallbacks<>(
            means -> {
              if (mine == generation) {
                text.set(head + example + datasetShares(means));
              }
            },
            e -> {
              if (mine == generation) {
                text.set(head + example + " \u00b7 mean over the marked test examples failed: "
                    + ErrorMessages.oneLine(e));
              }
            },
            () -> {
              if (mine == generation) {
                measuring = null;
              }
            }));
  }

  private void cancel() {
    if (measuring != null) {
      measuring.cancel();
      measuring = null;
    }
  }

  /** @return "this example 0.612 → 0.081", or "this example has no marks" */
  private String exampleShares(SaliencyResult then, SaliencyResult now) {
    boolean any = false;
    for (boolean m : marks) {
      any |= m;
    }
    if (!any || marks.length != now.scores().length) {
      return "this example has no marks";
    }
    return "this example " + MarkedRelevance.format(MarkedRelevance.share(then.scores(), marks))
        + " \u2192 " + MarkedRelevance.format(MarkedRelevance.share(now.scores(), marks));
  }

  /** @return " · mean over 24 marked test examples 0.550 → 0.070", or a note that there are none */
  static String datasetShares(SaliencyMarkedRelevance means) {
    if (means.examples() == 0) {
      return " \u00b7 no test example carries a mark";
    }
    return " \u00b7 mean over " + means.examples() + " marked test example"
        + (means.examples() == 1 ? "" : "s") + " " + MarkedRelevance.format(means.other())
        + " \u2192 " + MarkedRelevance.format(means.current());
  }
}
