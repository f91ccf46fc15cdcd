package io.gradlens.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.fakes.FakeWorkspaceService;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.EmptyWorkspaceService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit, synchronous runner. */
class WorkspaceViewModelTest {

  private final FakeWorkspaceService service = new FakeWorkspaceService();
  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final WorkbenchModel workbench = new WorkbenchModel();
  private final WorkspaceViewModel vm = new WorkspaceViewModel(service, new ImmediateTaskRunner(),
      errors, workbench);

  @Test
  void openRoutesByExtension() {
    List<Path> opened = new ArrayList<>();
    vm.setOnFileOpened(opened::add);
    vm.open(Path.of("/data/reviews.csv"));
    assertEquals(WorkspaceEntry.Kind.DATASET, workbench.currentDatasetProperty().get().kind());
    vm.open(Path.of("/models/m.gradlens"));
    assertEquals(WorkspaceEntry.Kind.MODEL, workbench.currentModelProperty().get().kind());
    assertEquals(2, opened.size());
    assertEquals(4, vm.entries().size());
  }

  @Test
  void unknownExtensionIsReported() {
    vm.open(Path.of("/x/picture.gif"));
    assertEquals(1, errors.reports().size());
    assertTrue(service.opened().isEmpty());
  }

  @Test
  void selectModelLoadsIt() {
    vm.refresh();
    vm.select(FakeWorkspaceService.MODEL);
    assertEquals(FakeWorkspaceService.MODEL, workbench.currentModelProperty().get());
    vm.select(FakeWorkspaceService.TINY);
    assertEquals(FakeWorkspaceService.TINY, workbench.currentDatasetProperty().get());
  }

  @Test
  void unwiredWorkspaceIsEmptyAndExplains() {
    WorkspaceViewModel empty = new WorkspaceViewModel(new EmptyWorkspaceService(),
        new ImmediateTaskRunner(), errors, workbench);
    empty.refresh();
    assertTrue(empty.entries().isEmpty());
    empty.open(Path.of("/m.gradlens"));
    assertEquals(1, errors.reports().size());
    assertTrue(errors.reports().get(0).error().getMessage().contains("not wired"));
  }
}
