package io.gradlens.app.data;

import io.gradlens.app.ExportAction;
import io.gradlens.app.Exportable;
import io.gradlens.app.FilePrompt;
import io.gradlens.app.error.ErrorReporter;
import io.gradlens.app.export.CsvWriter;
import io.gradlens.app.export.ExportFormat;
import io.gradlens.app.service.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

/** The Data tab: search, filters and a sortable table of examples. */
public final class DataView extends BorderPane implements Exportable {

  private final DataViewModel model;
  private final TableView<Example> table = new TableView<>();
  private final ExportAction export;

  /**
   * @param model the view model
   * @param prompt asks for export targets
   * @param errors reports export failures
   */
  public DataView(DataViewModel model, FilePrompt prompt, ErrorReporter errors) {
    this.model = model;
    setId("data-view");
    export = new ExportAction(prompt, errors, "Export examples", "examples")
        .with(ExportFormat.CSV, p -> CsvWriter.write(p, List.of("id", "text", "label",
            "prediction", "confidence", "correct"), rows()));
    setTop(filters());
    setCenter(buildTable());
    Label summary = new Label();
    summary.setId("data-summary");
    summary.textProperty().bind(model.summaryProperty());
    summary.setPadding(new Insets(4, 8, 4, 8));
    Label accuracyChange = new Label();
    accuracyChange.setId("accuracy-change");
    accuracyChange.setStyle("-fx-font-weight: bold");
    accuracyChange.setWrapText(true);
    accuracyChange.textProperty().bind(model.accuracyChangeProperty());
    accuracyChange.visibleProperty().bind(model.accuracyChangeProperty().isNotEmpty());
    accuracyChange.managedProperty().bind(accuracyChange.visibleProperty());
    accuracyChange.setPadding(new Insets(4, 8, 4, 8));
    setBottom(new javafx.scene.layout.VBox(accuracyChange, summary));
  }

  private FlowPane filters() {
    TextField search = new TextField();
    search.setId("data-search");
    search.setPromptText("Search text\u2026");
    search.textProperty().bindBidirectional(model.searchProperty());
    javafx.scene.control.Button clearSearch = new javafx.scene.control.Button("\u00d7");
    clearSearch.setId("data-search-clear");
    clearSearch.setTooltip(new javafx.scene.control.Tooltip("Clear the search"));
    clearSearch.setOnAction(e -> model.searchProperty().set(""));
    clearSearch.disableProperty().bind(model.searchProperty().isEmpty());
    CheckBox wrong = new CheckBox("Misclassified only");
    wrong.setId("data-misclassified");
    wrong.selectedProperty().bindBidirectional(model.misclassifiedOnlyProperty());
    ComboBox<String> label = new ComboBox<>();
    label.setId("data-label");
    label.setPromptText("All classes");
    label.setItems(model.labels());
    label.valueProperty().bindBidirectional(model.labelProperty());
    label.setButtonCell(new ListCell<>() {
      @Override
      protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? "All classes" : item);
      }
    });
    javafx.scene.control.Button allClasses = new javafx.scene.control.Button("\u00d7");
    allClasses.setId("data-label-clear");
    allClasses.setTooltip(new javafx.scene.control.Tooltip("All classes"));
    allClasses.setOnAction(e -> model.labelProperty().set(null));
    Slider min = new Slider(0, 1, 0);
    min.setId("data-min-confidence");
    min.valueProperty().bindBidirectional(model.minConfidenceProperty());
    Slider max = new Slider(0, 1, 1);
    max.setId("data-max-confidence");
    max.valueProperty().bindBidirectional(model.maxConfidenceProperty());
    Label range = new Label();
    range.textProperty().bind(javafx.beans.binding.Bindings.format(Locale.ROOT,
        "%.2f \u2013 %.2f", model.minConfidenceProperty(), model.maxConfidenceProperty()));
    FlowPane pane = new FlowPane(12, 6, new HBox(2, search, clearSearch), wrong,
        new HBox(2, label, allClasses),
        new HBox(4, new Label("Confidence"), min, max, range));
    pane.setPadding(new Insets(8));
    pane.setAlignment(Pos.CENTER_LEFT);
    return pane;
  }

  private final java.util.Map<String, javafx.scene.image.Image> thumbnails = new java.util.HashMap<>();

  private TableView<Example> buildTable() {
    table.setId("data-table");
    TableColumn<Example, String> text = new TableColumn<>("Text");
    text.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().text()));
    text.setCellFactory(col -> new ThumbnailCell());
    text.setPrefWidth(420);
    TableColumn<Example, String> label = new TableColumn<>("Label");
    label.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().label()));
    TableColumn<Example, String> prediction = new TableColumn<>("Prediction");
    prediction.setCellValueFactory(c -> new ReadOnlyStringWrapper(
        c.getValue().hasPrediction() ? c.getValue().prediction() : "\u2014"));
    TableColumn<Example, Double> confidence = new TableColumn<>("Confidence");
    confidence.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().confidence()));
    confidence.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
      @Override
      protected void updateItem(Double item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null || item.isNaN() ? ""
            : String.format(Locale.ROOT, "%.3f", item));
      }
    });
    TableColumn<Example, String> correct = new TableColumn<>("Correct?");
    correct.setCellValueFactory(c -> new ReadOnlyStringWrapper(
        !c.getValue().hasPrediction() ? "" : c.getValue().correct() ? "\u2713" : "\u2717"));
    table.getColumns().setAll(List.of(text, label, prediction, confidence, correct));
    model.rows().comparatorProperty().bind(table.comparatorProperty());
    table.setItems(model.rows());
    // Thumbnails belong to the dataset they were drawn from (example ids repeat across datasets).
    model.shownDatasetProperty().addListener((o, a, b) -> thumbnails.clear());
    table.setPlaceholder(new Label("No examples \u2014 open a dataset or relax the filters."));
    table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
      if (b != null) {
        model.select(b);
      }
    });
    model.currentExampleProperty().addListener((o, a, b) -> {
      if (b != null && b != table.getSelectionModel().getSelectedItem()) {
        table.getSelectionModel().select(b);
        int row = table.getSelectionModel().getSelectedIndex();
        if (row >= 0) {
          table.scrollTo(row);
        }
      }
    });
    return table;
  }

  private List<List<String>> rows() {
    List<List<String>> rows = new ArrayList<>();
    for (Example e : model.rows()) {
      rows.add(List.of(e.id(), e.text(), e.label(), e.hasPrediction() ? e.prediction() : "",
          Double.isNaN(e.confidence()) ? "" : String.format(Locale.ROOT, "%.6f", e.confidence()),
          e.hasPrediction() ? Boolean.toString(e.correct()) : ""));
    }
    return rows;
  }

  /** @return the examples table */
  public TableView<Example> table() {
    return table;
  }

  @Override
  public void exportInteractively(Window owner) {
    export.run(owner);
  }

  /**
   * The Text column: the text, or for an image example its caption beside a thumbnail (twice the
   * image's size, at most 56 pixels high). Thumbnails are drawn once per example and kept while its
   * dataset is listed; a text row never has one.
   */
  private final class ThumbnailCell extends javafx.scene.control.TableCell<Example, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
      super.updateItem(item, empty);
      Example example = empty || getTableRow() == null ? null : getTableRow().getItem();
      setText(empty ? null : item);
      javafx.scene.image.Image image = example == null ? null
          : thumbnails.computeIfAbsent(example.id() + "\u0000" + example.text(), key ->
              model.image(example).map(io.gradlens.app.heatmap.Thumbnails::of).orElse(null));
      setGraphic(image == null ? null : thumbnailView(image));
    }
  }

  private static javafx.scene.image.ImageView thumbnailView(javafx.scene.image.Image image) {
    javafx.scene.image.ImageView view = new javafx.scene.image.ImageView(image);
    view.setFitHeight(Math.min(56, image.getHeight() * 2));
    view.setPreserveRatio(true);
    view.setSmooth(false);
    return view;
  }
}
