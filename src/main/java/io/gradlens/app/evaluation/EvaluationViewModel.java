package io.gradlens.app.evaluation;

import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.service.EvaluationService;
import io.gradlens.app.service.FaithfulnessRequest;
import io.gradlens.app.service.FaithfulnessResult;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ExclusiveJob;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.explain.AttributionMethods;
import io.gradlens.explain.MethodDescriptor;
import io.gradlens.explain.evaluation.Interval;
import io.gradlens.explain.evaluation.MethodEvaluation;
import io.gradlens.explain.evaluation.MetricComparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * State of the Evaluate tab: methods ({@code all} or one), number of test examples and seed; runs
 * the faithfulness metrics on the current model in the background (progress, Cancel) and holds the
 * result as curves and table rows (the same rows the CSV export writes).
 */
public final class EvaluationViewModel {

  /** Examples evaluated unless the user chooses otherwise. */
  public static final int DEFAULT_EXAMPLES = 20;

  private final EvaluationService service;
  private final ErrorReporter errors;
  private final ObservableValue<WorkspaceEntry> dataset;
  private final ExclusiveJob job;
  private final StringProperty methods = new SimpleStringProperty(this, "methods", "all");
  private final IntegerProperty examples =
      new SimpleIntegerProperty(this, "examples", DEFAULT_EXAMPLES);
  private final LongProperty seed = new SimpleLongProperty(this, "seed", 0);
  private final ReadOnlyObjectWrapper<FaithfulnessResult> result =
      new ReadOnlyObjectWrapper<>(this, "result");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message",
      "Press Compute to measure whether removing what each map calls important changes the "
      + "prediction more than removing random positions.");

  /**
   * @param service runs the evaluation
   * @param runner runs it in the background
   * @param errors reports unexpected failures
   * @param dataset the workbench's current dataset (its first test examples are evaluated)
   */
  public EvaluationViewModel(EvaluationService service, TaskRunner runner, ErrorReporter errors,
      ObservableValue<WorkspaceEntry> dataset) {
    this.service = service;
    this.errors = errors;
    this.dataset = dataset;
    this.job = new ExclusiveJob(runner);
  }

  /** @return {@code all} and every method's registry name */
  public static List<String> methodChoices() {
    List<String> out = new ArrayList<>();
    out.add("all");
    AttributionMethods.all().stream().map(MethodDescriptor::name).forEach(out::add);
    return out;
  }

  /** Runs the evaluation with the current settings, cancelling a running one. */
  public void compute() {
    if (dataset.getValue() == null) {
      message.set("Open a dataset and a model first.");
      return;
    }
    FaithfulnessRequest request = new FaithfulnessRequest(dataset.getValue(), methods.get(),
        examples.get(), seed.get());
    result.set(null);
    message.set("Explaining and perturbing " + request.examples() + " examples\u2026");
    job.start("Evaluate", (progress, cancel) -> service.evaluate(request, progress, cancel), r -> {
      result.set(r);
      String skipped = r.report().skipped().isEmpty() ? ""
          : " Skipped: " + String.join("; ", r.report().skipped().entrySet().stream()
              .map(e -> e.getKey() + " (" + e.getValue() + ")").toList()) + ".";
      message.set(String.format(Locale.ROOT, "%s on %d test examples of %s; intervals %s.%s",
          r.model(), r.report().examples(), request.dataset().name(),
          io.gradlens.explain.evaluation.EvaluationReport.INTERVAL, skipped));
    }, failure -> {
      if (failure instanceof IllegalArgumentException) {
        message.set(failure.getMessage());
      } else {
        message.set("The evaluation failed.");
        errors.report("Evaluate", failure);
      }
    });
  }

  /** Cancels a running evaluation. */
  public void cancel() {
    if (job.cancel()) {
      message.set("Cancelled.");
    }
  }

  /** @return header of {@link #rows()} */
  public static List<String> header() {
    return List.of("method", "metric", "better", "value (95% CI)", "random (95% CI)",
        "beats random");
  }

  /** @return one row per method × metric of the last result */
  public List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    FaithfulnessResult r = result.get();
    if (r != null) {
      for (MethodEvaluation m : r.report().methods()) {
        for (MetricComparison c : m.comparisons()) {
          rows.add(List.of(m.method(), c.metric(), c.higherIsBetter() ? "higher" : "lower",
              interval(c.method().interval()), interval(c.random().interval()),
              c.beatsRandomBeyondIntervals() ? "yes" : c.beatsRandom() ? "mean only" : "no"));
        }
      }
    }
    return rows;
  }

  private static String interval(Interval i) {
    return Double.isNaN(i.mean()) ? ""
        : String.format(Locale.ROOT, "%.4f \u00b1 %.4f", i.mean(), i.halfWidth());
  }

  /** @return {@code all} or the method evaluated */
  public StringProperty methodsProperty() {
    return methods;
  }

  /** @return how many test examples are evaluated */
  public IntegerProperty examplesProperty() {
    return examples;
  }

  /** @return seed of the random baseline and the perturbations */
  public LongProperty seedProperty() {
    return seed;
  }

  /** @return the last result, or null */
  public ReadOnlyObjectProperty<FaithfulnessResult> resultProperty() {
    return result.getReadOnlyProperty();
  }

  /** @return a status line */
  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  /** @return whether an evaluation runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return job.busyProperty();
  }

  /** @return progress of the running evaluation (0–1, -1 unknown) */
  public ReadOnlyDoubleProperty progressProperty() {
    return job.progressProperty();
  }
}
