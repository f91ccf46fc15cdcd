package io.gradlens.app.gui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.fakes.FakeInfluenceService;
import io.gradlens.app.fakes.FixedFilePrompt;
import io.gradlens.app.fakes.RecordingErrorReporter;
import io.gradlens.app.influence.InfluenceView;
import io.gradlens.app.influence.InfluenceViewModel;
import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.task.FxTaskRunner;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Influence tab's example mode over a fake influence service, driven by the robot: without a
 * test example Compute is disabled and says why; after a click on an example, the method chooser
 * offers "TracIn, all layers (projected)" by name, its layer boxes and dimension are enabled only
 * for it, and Compute sends the ticked layers and the typed d and shows a ranking whose bars carry
 * the examples' texts and labels and whose score cells are readable.
 */
@Tag("gui")
@ExtendWith(ApplicationExtension.class)
class InfluenceProjectedGuiTest {

  private static final int SLOW = 30;

  private final FakeInfluenceService service = new FakeInfluenceService();
  private InfluenceViewModel model;
  private InfluenceView view;

  @Start
  void start(Stage stage) {
    service.checkpoints = true;
    ListView<Example> examples = new ListView<>();
    examples.setId("examples");
    examples.getItems().setAll(new Example("test/4", "a fine film", "positive", "positive", 0.8),
        new Example("test/7", "dull", "negative", "negative", 0.7));
    examples.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(Example item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item.id() + " " + item.text());
      }
    });
    SimpleObjectProperty<Example> example = new SimpleObjectProperty<>();
    examples.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> example.set(b));
    SimpleObjectProperty<WorkspaceEntry> dataset = new SimpleObjectProperty<>(new WorkspaceEntry(
        "builtin:sentences", "sentences", WorkspaceEntry.Kind.DATASET,
        WorkspaceEntry.Origin.BUILT_IN, null));
    model = new InfluenceViewModel(service, new FxTaskRunner(), new RecordingErrorReporter(),
        example, dataset);
    view = new InfluenceView(model, null, new FixedFilePrompt(), new RecordingErrorReporter());
    model.activeProperty().set(true);
    examples.setPrefHeight(80);
    BorderPane root = new BorderPane(view);
    root.setTop(examples);
    stage.setScene(new Scene(root, 1200, 760));
    stage.show();
  }

  @Test
  void computeWithoutAnExampleIsDisabledAndSaysWhy(FxRobot robot) {
    Button compute = robot.lookup("#influence-compute").queryButton();
    assertTrue(Fx.get(compute::isDisabled), "nothing to compute without a test example");
    Node holder = Fx.get(compute::getParent);
    Tooltip why = Fx.get(() -> (Tooltip) holder.getProperties().get("javafx.scene.control.Tooltip"));
    assertEquals(InfluenceViewModel.SELECT_EXAMPLE, Fx.get(why::getText));
    Label status = robot.lookup("#influence-status").queryAs(Label.class);
    assertTrue(Fx.get(status::getText).startsWith("Select a test example first"),
        Fx.get(status::getText));
    robot.clickOn(compute);
    assertTrue(service.explained.isEmpty(), "a disabled button does nothing");

    robot.clickOn("test/7 dull");
    Fx.waitUntil(SLOW, "enabled once an example is selected", () -> !compute.isDisabled());
  }

  @Test
  void picksProjectedTracInSetsItsLayersAndDimensionAndShowsARanking(FxRobot robot) {
    robot.clickOn("test/4 a fine film");
    Fx.waitUntil(SLOW, "representer ranking", () -> !model.proponents().isEmpty());
    CheckBox embedding = robot.lookup("#influence-layer-embedding").queryAs(CheckBox.class);
    @SuppressWarnings("unchecked")
    Spinner<Integer> dimension = robot.lookup("#influence-projection-dim").queryAs(Spinner.class);
    assertTrue(Fx.get(embedding::isDisabled), "layers are for projected TracIn only");
    assertTrue(Fx.get(dimension::isDisabled));

    @SuppressWarnings("unchecked")
    ComboBox<Object> methods = robot.lookup("#influence-method").queryAs(ComboBox.class);
    robot.clickOn(methods);
    robot.clickOn("TracIn, all layers (projected)");
    Fx.waitUntil(SLOW, "projected chosen", () -> !embedding.isDisabled());
    ListCell<?> shown = robot.lookup("#influence-method .list-cell").queryAs(ListCell.class);
    assertEquals("TracIn, all layers (projected)", Fx.get(shown::getText), "a name, not an enum");

    robot.clickOn(embedding);
    assertFalse(Fx.get(embedding::isSelected));
    robot.doubleClickOn(dimension.getEditor());
    robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
    robot.write("256").type(KeyCode.ENTER);
    Fx.waitUntil(SLOW, "d typed", () -> model.projectionSettings().dimensionProperty().get() == 256);

    robot.clickOn("#influence-compute");
    Fx.waitUntil(SLOW, "projected ranking", () -> !model.busyProperty().get()
        && model.resultProperty().get() != null
        && model.resultProperty().get().projection() != null
        && model.resultProperty().get().projection().dimension() == 256);
    assertEquals("builtin:sentences|test/4|tracin-projected|10|recurrent,dense|256",
        service.explained.get(service.explained.size() - 1));
    assertEquals(10, Fx.get(() -> model.proponents().size()));
    Label status = robot.lookup("#influence-status").queryAs(Label.class);
    assertTrue(Fx.get(status::getText).startsWith("TracIn, all layers (projected) over 2 "
        + "checkpoints (recurrent,dense weights, d = 256) of test/4"), Fx.get(status::getText));

    // Bars by text and label, the full text in the tooltip; scores readable in 3 digits.
    assertEquals(20, (int) Fx.get(() -> view.chart().barCount()));
    assertEquals("\u201ctext 0\u201d (positive)", Fx.get(() -> view.chart().label(0)));
    assertTrue(Fx.get(() -> view.chart().tooltip(0)).contains("train/0"));
    List<TableCell<?, ?>> scores = Fx.get(() -> {
      List<TableCell<?, ?>> out = new java.util.ArrayList<>();
      for (Node n : robot.lookup("#influence-proponents .table-cell").queryAll()) {
        if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
            && c.getTableColumn().getText().equals("Score") && c.getText() != null
            && !c.getText().isEmpty()) {
          out.add(c);
        }
      }
      return out;
    });
    assertFalse(scores.isEmpty());
    TableCell<?, ?> top = scores.get(0);
    assertEquals("50.0", Fx.get(top::getText), "(t + 1) \u00b7 k = 5 \u00b7 10");
    assertEquals("50.0000000", Fx.get(() -> top.getTooltip().getText()));
    assertTrue(Fx.get(top::getWidth) >= 90, "the score column is wide enough: " + top.getWidth());
  }
}
