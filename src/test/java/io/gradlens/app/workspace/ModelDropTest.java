package io.gradlens.app.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.WorkbenchModel;
import io.gradlens.app.core.CoreWorkspace;
import io.gradlens.app.core.CoreWorkspaceService;
import io.gradlens.app.core.ModelMismatchException;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files dropped on the workbench, at the view-model level: the drop handler
 * ({@link WorkspaceViewModel#openAll}) over the real core opens every model format the command
 * line opens, lists a regression model without making it current, and reports each bad file
 * through the error reporter with the command line's message, never throwing.
 */
class ModelDropTest {

  private static final Path CNN = Path.of("src/test/resources/keras/generated/conv2d_mnistlike");

  @TempDir
  Path dir;

  @Test
  void droppedModelFilesOpenAsOnTheCommandLine() throws Exception {
    Path broken = dir.resolve("broken.h5");
    Files.writeString(broken, "not an HDF5 file");
    Path price = Files.copy(Path.of("assets/models/price-model.gradlens"),
        dir.resolve("my-price.gradlens"));
    RecordingErrorReporter errors = new RecordingErrorReporter();
    WorkbenchModel workbench = new WorkbenchModel();
    WorkspaceViewModel vm = new WorkspaceViewModel(new CoreWorkspaceService(
        new CoreWorkspace(null, dir.resolve("edits"))), new ImmediateTaskRunner(), errors, workbench);

    vm.openAll(List.of(CNN.resolve("model.h5"), broken, price, dir.resolve("notes.gif"),
        CNN.resolve("model.json")));

    List<String> models = vm.entries().stream().filter(e -> e.kind() == WorkspaceEntry.Kind.MODEL)
        .map(WorkspaceEntry::name).toList();
    assertEquals(List.of("model.h5", "my-price.gradlens", "model.json"), models);
    assertEquals("model.json", workbench.currentModelProperty().get().name(),
        "the last classifier dropped is current");
    assertEquals(3, errors.reports().size());

    CliRun cli = CliRun.of("predict", "--model", broken.toString(), "--text", "x");
    assertEquals(2, cli.exitCode());
    assertEquals("Open model", errors.reports().get(0).action());
    assertEquals(cli.err().strip(), "gradlens predict: " + errors.reports().get(0).error()
        .getMessage());

    Throwable regression = errors.reports().get(1).error();
    assertTrue(regression instanceof ModelMismatchException, regression.toString());
    assertEquals("my-price.gradlens is a multi-input regression model (inputs features [4], "
        + "reference_price [1]), not a classifier: it was added to the workspace; explain it in the "
        + "Sensitivity tab.", regression.getMessage());

    assertTrue(errors.reports().get(2).error().getMessage().startsWith(
        "Unknown file type: notes.gif"), errors.reports().get(2).error().getMessage());
  }
}
