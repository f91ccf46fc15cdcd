package io.gradlens.app.sensitivity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.service.FeatureSensitivity;
import io.gradlens.app.service.SensitivityRequest;
import io.gradlens.app.service.SensitivityResult;
import io.gradlens.app.service.SensitivityRow;
import io.gradlens.app.service.SensitivityService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.app.task.ManualTaskRunner;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Plain JUnit: no FX toolkit, a fake service with a 2-feature, 3-row result. */
class SensitivityViewModelTest {

  private static final WorkspaceEntry PRICE = new WorkspaceEntry("shipped:price", "price",
      WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.BUILT_IN, null);
  private static final WorkspaceEntry DATA = new WorkspaceEntry("builtin:d", "d",
      WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.BUILT_IN, null);

  private final RecordingErrorReporter errors = new RecordingErrorReporter();
  private final List<SensitivityRequest> requests = new ArrayList<>();

  /** Up to 3 rows [index, output, g0, g1]; the means are those of all 3 rows. */
  private final class Fake implements SensitivityService {
    private final List<String> classes;

    Fake(List<String> classes) {
      this.classes = classes;
    }

    @Override
    public SensitivityResult sensitivity(SensitivityRequest request, ProgressListener progress,
        CancellationToken cancel) {
      requests.add(request);
      double[][] g = {{1, -2}, {3, 2}, {-1, 4}};
      List<SensitivityRow> rows = new ArrayList<>();
      for (int i = 0; i < Math.min(g.length, request.rows()); i++) {
        rows.add(new SensitivityRow(i, 10 + i, g[i]));
      }
      return new SensitivityResult("price", "price", "regression", classes, List.of(
          new FeatureSensitivity("features", "area", 1, 5.0 / 3),
          new FeatureSensitivity("reference_price", "reference_price", 4.0 / 3, 8.0 / 3)),
          2, rows);
    }

    @Override
    public Optional<WorkspaceEntry> exampleModel() {
      return Optional.of(PRICE);
    }
  }

  private SensitivityViewModel vm(SensitivityService service) {
    return new SensitivityViewModel(service, new ImmediateTaskRunner(), errors,
        new SimpleObjectProperty<>(DATA));
  }

  @Test
  void theExampleModelIsChosenAndTheRequestCarriesTheSettings() {
    SensitivityViewModel vm = vm(new Fake(List.of()));
    vm.chooseExampleModel();
    assertEquals(PRICE, vm.modelProperty().get());
    vm.rowsProperty().set(3);
    vm.compute();
    assertEquals(new SensitivityRequest(PRICE, DATA, 3, null), requests.get(0));
  }

  @Test
  void tableRowsAndCsvExportsFollowTheResult() {
    SensitivityViewModel vm = vm(new Fake(List.of()));
    vm.compute();
    assertEquals(3, vm.tableRows().size());
    assertEquals(List.of("row", "output", "features / area", "reference_price"),
        vm.rowCsvHeader());
    assertEquals(List.of("1", "11.0000", "3.00000", "2.00000"), vm.rowCsvRows().get(1));
    assertEquals(List.of("features", "area", "1.00000", "1.66667"), vm.featureCsvRows().get(0));
    // Sorting the table (as a column click does) reorders the exported rows too.
    vm.tableRows().sort((a, b) -> Double.compare(b.gradient(1), a.gradient(1)));
    assertEquals(List.of(2, 1, 0), vm.tableRows().stream().map(SensitivityRow::index).toList());
    assertEquals("2", vm.rowCsvRows().get(0).get(0));
    assertTrue(vm.messageProperty().get().contains("over 3 test rows"),
        vm.messageProperty().get());
  }

  @Test
  void aClassifierResultOffersItsClassesAsTargets() {
    SensitivityViewModel vm = vm(new Fake(List.of("neg", "pos")));
    vm.compute();
    assertEquals(Arrays.asList(null, 0, 1), vm.targetChoices());
    assertEquals("predicted", vm.targetName(null));
    assertEquals("pos", vm.targetName(1));
    vm.targetClassProperty().set(1);
    vm.compute();
    assertEquals(1, requests.get(1).targetClass());
  }

  @Test
  void aModelTheViewCannotExplainGivesItsMessageNotADialog() {
    SensitivityViewModel vm = vm((r, p, c) -> {
      throw new IllegalArgumentException("token ids have no gradient");
    });
    vm.compute();
    assertEquals("token ids have no gradient", vm.messageProperty().get());
    assertNull(vm.resultProperty().get());
    assertTrue(errors.reports().isEmpty());
  }

  @Test
  void aNewComputationCancelsTheRunningOne() throws Exception {
    ManualTaskRunner runner = new ManualTaskRunner();
    SensitivityViewModel vm = new SensitivityViewModel(new Fake(List.of()), runner, errors,
        new SimpleObjectProperty<>(DATA));
    vm.compute();
    vm.rowsProperty().set(2);
    vm.compute();
    ManualTaskRunner.Pending<?> first = runner.pending().get(0);
    ManualTaskRunner.Pending<?> second = runner.pending().get(1);
    assertTrue(first.cancelled());
    second.complete();
    first.complete();
    assertEquals(2, vm.tableRows().size(), "the newer request (2 rows) is shown");
    assertEquals(SensitivityViewModel.DEFAULT_ROWS, requests.get(1).rows());
  }
}
