package io.gradlens.app.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.Example;
import io.gradlens.app.task.ImmediateTaskRunner;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit, synchronous runner. */
class DataViewModelTest {

  private final FakeWorkspaceService workspace = new FakeWorkspaceService();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final SimpleObjectProperty<Example> current = new SimpleObjectProperty<>();
  private final DataViewModel vm = new DataViewModel(workspace, new ImmediateTaskRunner(), errors,
      current);

  @Test
  void loadsAndFilters() throws Exception {
    workspace.selectModel(FakeWorkspaceService.MODEL, null, null);
    vm.load(FakeWorkspaceService.TINY);
    assertEquals(6, vm.rows().size());
    assertEquals(List.of("negative", "positive"), vm.labels());
    vm.misclassifiedOnlyProperty().set(true);
    assertEquals(2, vm.rows().size());
    vm.misclassifiedOnlyProperty().set(false);
    vm.searchProperty().set("PLOT");
    assertEquals(1, vm.rows().size());
    vm.searchProperty().set("");
    vm.labelProperty().set("positive");
    assertEquals(3, vm.rows().size());
    vm.labelProperty().set(null);
    vm.maxConfidenceProperty().set(0.6);
    assertEquals(2, vm.rows().size());
    assertTrue(vm.summaryProperty().get().contains("2 of 6"), vm.summaryProperty().get());
  }

  @Test
  void anotherDatasetResetsTheFiltersAndAnAccuracyLineOfAnotherPairGoes() throws Exception {
    workspace.selectModel(FakeWorkspaceService.MODEL, null, null);
    vm.load(FakeWorkspaceService.TINY);
    // A retrain's comparison: the next load reports the change (here 4 of 6 right both times).
    assertTrue(vm.compareAfterNextLoad("old", "new"));
    vm.reload();
    assertTrue(vm.accuracyChangeProperty().get().startsWith("test accuracy 0.667 \u2192 0.667"),
        vm.accuracyChangeProperty().get());
    vm.searchProperty().set("plot");
    vm.misclassifiedOnlyProperty().set(true);
    vm.labelProperty().set("negative");
    vm.minConfidenceProperty().set(0.5);
    assertEquals(0, vm.rows().size());
    var other = new io.gradlens.app.service.WorkspaceEntry("other", "other-set",
        io.gradlens.app.service.WorkspaceEntry.Kind.DATASET,
        io.gradlens.app.service.WorkspaceEntry.Origin.OPENED, null);
    vm.load(other);
    assertEquals(ExampleFilter.all(), vm.filter(), "no filter of the old dataset survives");
    assertEquals("", vm.accuracyChangeProperty().get(), "the line was about the old dataset");
    assertEquals(6, vm.rows().size());
    assertSame(other, vm.shownDatasetProperty().get());
    // Reloading the same dataset (a new model) keeps what the user typed.
    vm.searchProperty().set("plot");
    vm.reload();
    assertEquals("plot", vm.searchProperty().get());
    assertEquals(1, vm.rows().size());
  }

  @Test
  void selectionSetsCurrentExample() {
    vm.load(FakeWorkspaceService.TINY);
    Example e = vm.rows().get(2);
    vm.select(e);
    assertSame(e, current.get());
  }

  @Test
  void loadFailureIsReportedAndKeepsRows() {
    vm.load(FakeWorkspaceService.TINY);
    DataViewModel failing = new DataViewModel(new FakeWorkspaceService() {
      @Override
      public List<Example> examples(io.gradlens.app.service.WorkspaceEntry d,
          io.gradlens.util.ProgressListener p,
          io.gradlens.util.CancellationToken c) {
        throw new IllegalStateException("corrupt file");
      }
    }, new ImmediateTaskRunner(), errors, current);
    failing.setExamples(workspace.tinyExamples());
    failing.load(FakeWorkspaceService.TINY);
    assertEquals(1, errors.reports().size());
    assertEquals(6, failing.rows().size());
  }

  @Test
  void emptyStateIsHonest() {
    assertTrue(vm.summaryProperty().get().startsWith("No dataset loaded"));
  }
}
