package io.gradlens.app.corpus;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.task.TaskCallbacks;
import io.gradlens.app.task.TaskHandle;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.workflow.corpus.CorpusHiddenState;
import io.gradlens.workflow.corpus.CorpusResults;
import io.gradlens.workflow.corpus.CorpusSaliency;
import io.gradlens.workflow.corpus.MergedCorpusResults;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * State of the Corpus tab: opens a merged job folder off the FX thread (the manifest is checked and
 * the arrays mapped; for saliency the dataset is tokenized again), then holds what the view shows.
 * A failure clears the previous result, says so in the status line and goes to the error reporter.
 */
public final class CorpusViewModel {

  /**
   * What a folder opened to.
   *
   * @param folder the folder
   * @param results the merged result
   * @param documents for hidden-grad: every document with its top rows (else empty)
   * @param examples for saliency: every example (else empty)
   */
  public record Opened(Path folder, CorpusResults results, List<CorpusHiddenState.Document> documents,
      List<CorpusSaliency.Example> examples) {
    public Opened {
      documents = List.copyOf(documents);
      examples = List.copyOf(examples);
    }
  }

  private final TaskRunner runner;
  private final ErrorReporter errors;
  private final ReadOnlyObjectWrapper<Opened> opened = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
      "File \u25b8 Open corpus results\u2026 opens a folder merged by gradlens merge.");
  private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
  private TaskHandle running;

  /**
   * @param runner background runner
   * @param errors reports failures
   */
  public CorpusViewModel(TaskRunner runner, ErrorReporter errors) {
    this.runner = runner;
    this.errors = errors;
  }

  /** Opens {@code folder} in the background, cancelling an opening still running. */
  public void open(Path folder) {
    if (running != null) {
      running.cancel();
    }
    loading.set(true);
    status.set("Opening " + folder + "\u2026");
    running = runner.submit("Open corpus results", (progress, cancel) -> {
      progress.progress(0, 2, "reading " + folder.resolve("merged.json"));
      CorpusResults results = MergedCorpusResults.open(folder);
      cancel.throwIfCancelled();
      progress.progress(1, 2, "reading the documents");
      List<CorpusHiddenState.Document> documents = results instanceof CorpusHiddenState h
          ? h.documents() : List.of();
      List<CorpusSaliency.Example> examples = results instanceof CorpusSaliency s
          ? s.examples() : List.of();
      progress.progress(2, 2, "opened");
      return new Opened(folder, results, documents, examples);
    }, new TaskCallbacks<>(result -> {
      opened.set(result);
      status.set(describe(result.results()));
    }, failure -> {
      opened.set(null);
      status.set("Could not open " + folder + ": " + failure.getMessage());
      errors.report("Open corpus results", failure);
    }, () -> loading.set(false)));
  }

  /** The status line for a result: job, documents, shards, T or classes. */
  static String describe(CorpusResults r) {
    String base = r.request().job() + ": " + r.size() + " documents, " + r.manifest().shards() + " shard"
        + (r.manifest().shards() == 1 ? "" : "s");
    if (r instanceof CorpusHiddenState h) {
      return base + ", T = " + h.steps() + ", " + h.topK() + " top rows per document";
    }
    CorpusSaliency s = (CorpusSaliency) r;
    return base + ", " + s.classes() + " classes, method " + r.request().parameter("method")
        + (s.tokenNote() == null ? "" : "; tokens shown as positions: " + s.tokenNote());
  }

  /** @return the opened result, null before one opens or after a failure */
  public ReadOnlyObjectProperty<Opened> openedProperty() {
    return opened.getReadOnlyProperty();
  }

  /** @return the status line */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** @return whether a folder is being opened */
  public ReadOnlyBooleanProperty loadingProperty() {
    return loading.getReadOnlyProperty();
  }
}
