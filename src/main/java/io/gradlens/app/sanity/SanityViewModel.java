package io.gradlens.app.sanity;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SanityCheckRequest;
import io.gradlens.app.service.SanityCheckResult;
import io.gradlens.app.service.SanityCheckService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ExclusiveJob;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.explain.SanityStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/**
 * State of the Sanity check tab: method, number of examples and seed; runs the cascading
 * randomisation on the current model in the background (progress, Cancel) and holds the result
 * and its {@link SanityVerdict}.
 */
public final class SanityViewModel {

  /** Examples compared unless the user chooses otherwise (the check explains each 1 + L times). */
  public static final int DEFAULT_EXAMPLES = 20;

  private final SanityCheckService service;
  private final ErrorReporter errors;
  private final ObservableValue<WorkspaceEntry> dataset;
  private final ExclusiveJob job;
  private final ObjectProperty<SaliencyMethod> method =
      new SimpleObjectProperty<>(this, "method", SaliencyMethod.GRADIENT);
  private final IntegerProperty examples =
      new SimpleIntegerProperty(this, "examples", DEFAULT_EXAMPLES);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
  private final ReadOnlyObjectWrapper<SanityCheckResult> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyObjectWrapper<SanityVerdict> verdict =
      new ReadOnlyObjectWrapper<>(this, "verdict");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
      "Press Run to randomise the current model's layers from the output down and compare its "
      + "saliency with the trained model's.");

  /**
   * @param service runs the check
   * @param runner runs it in the background
   * @param errors reports unexpected failures
   * @param dataset the workbench's current dataset (its first test examples are compared)
   */
  public SanityViewModel(SanityCheckService service, TaskRunner runner, ErrorReporter errors,
      ObservableValue<WorkspaceEntry> dataset) {
    this.service = service;
    this.errors = errors;
    this.dataset = dataset;
    this.job = new ExclusiveJob(runner);
  }

  /** Runs the check with the current settings, cancelling a running one. */
  public void run() {
    if (dataset.getValue() == null) {
      message.set("Open a dataset and a model first.");
      return;
    }
    SanityCheckRequest request = new SanityCheckRequest(dataset.getValue(), method.get(),
        examples.get(), seed.get());
    result.set(null);
    verdict.set(null);
    message.set("Randomising layers and explaining " + request.examples() + " examples\u2026");
    job.start("Sanity check", (progress, cancel) -> service.sanityCheck(request, progress, cancel),
        r -> {
          result.set(r);
          verdict.set(SanityVerdict.of(r));
          message.set(String.format(Locale.ROOT, "%s of %s on %d test examples of %s, %d steps.",
              r.method(), r.model(), r.examples(), request.dataset().name(), r.steps().size()));
        }, failure -> {
          if (failure instanceof IllegalArgumentException) {
            message.set(failure.getMessage());
          } else {
            message.set("The sanity check failed.");
            errors.report("Sanity check", failure);
          }
        });
  }

  /** Cancels a running check. */
  public void cancel() {
    if (job.cancel()) {
      message.set("Cancelled.");
    }
  }

  /** @return header of {@link #csvRows()} */
  public static List<String> csvHeader() {
    return List.of("step", "randomized_layers", "mean_spearman_abs", "mean_spearman_signed");
  }

  /** @return one CSV row per step of the last result */
  public List<List<String>> csvRows() {
    List<List<String>> rows = new ArrayList<>();
    SanityCheckResult r = result.get();
    if (r != null) {
      for (int i = 0; i < r.steps().size(); i++) {
        SanityStep s = r.steps().get(i);
        rows.add(List.of(Integer.toString(i + 1), String.join(" ", s.randomizedLayers()),
            num(s.meanSpearmanAbsolute()), num(s.meanSpearmanSigned())));
      }
    }
    return rows;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
  }

  /** @return the saliency method tested */
  public ObjectProperty<SaliencyMethod> methodProperty() {
    return method;
  }

  /** @return how many test examples are compared */
  public IntegerProperty examplesProperty() {
    return examples;
  }

  /** @return seed of the re-initialised weights */
  public LongProperty seedProperty() {
    return seed;
  }

  /** @return the last result, or null */
  public ReadOnlyObjectProperty<SanityCheckResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** @return the verdict of the last result, or null */
  public ReadOnlyObjectProperty<SanityVerdict> verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  /** @return a status line: what runs, what was run, or what is missing */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** @return whether a check runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return job.busyProperty();
  }

  /** @return progress of the running check (0–1, -1 unknown) */
  public ReadOnlyDoubleProperty progressProperty() {
    return job.progressProperty();
  }
}
