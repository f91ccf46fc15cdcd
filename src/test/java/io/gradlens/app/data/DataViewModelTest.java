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
