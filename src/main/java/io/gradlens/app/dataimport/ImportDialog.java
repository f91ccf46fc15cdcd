package io.gradlens.app.dataimport;

import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ImportProblem;
import io.gradlens.data.imports.TableFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The import dialog: settings on the left (format and delimiter, the columns of the five roles,
 * tokenizer, class order, split), the first records in a table, the classes with their counts and
 * the problems with their lines on the right, and under them why Import is off. A window of its
 * own, modal to the workbench; closing it cancels the preview or import that runs.
 */
public final class ImportDialog {

  private static final double TEXT_COLUMN_WIDTH = 300;
  private static final double OTHER_COLUMN_WIDTH = 110;

  private final ImportViewModel model;
  private final Stage stage = new Stage();

  /**
   * @param owner the workbench window
   * @param model the dialog's state
   * @param onImported runs after an import, once the dialog closed
   */
  public ImportDialog(Window owner, ImportViewModel model,
      Consumer<ImportViewModel.ImportedDataset> onImported) {
    this.model = model;
    if (owner != null) {
      stage.initOwner(owner);
      stage.initModality(Modality.WINDOW_MODAL);
    }
    stage.setTitle("Import " + model.file().getFileName());
    BorderPane root = new BorderPane();
    root.setId("import-dialog");
    root.setPadding(new Insets(10));
    Label file = new Label(model.file().toAbsolutePath().toString());
    file.setId("import-file");
    Label records = new Label();
    records.setId("import-records");
    records.textProperty().bind(Bindings.createStringBinding(() -> model.recordsProperty().get()
        + (model.recordsProperty().get() == 1 ? " record" : " records"),
        model.recordsProperty()));
    HBox top = new HBox(12, file, records);
    top.setPadding(new Insets(0, 0, 8, 0));
    root.setTop(top);
    ScrollPane settings = new ScrollPane(settingsForm());
    settings.setFitToWidth(true);
    settings.setMinWidth(300);
    SplitPane center = new SplitPane(settings, results());
    center.setDividerPositions(0.3);
    root.setCenter(center);
    root.setBottom(buttons());
    stage.setScene(new Scene(root, 1050, 680));
    stage.setOnHidden(e -> model.cancel());
    model.setOnImported(d -> {
      stage.close();
      onImported.accept(d);
    });
  }

  /** Shows the dialog and starts the first preview. */
  public void show() {
    stage.show();
    model.start();
  }

  /** @return the dialog's window */
  public Stage stage() {
    return stage;
  }

  private VBox settingsForm() {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(6);
    ColumnConstraints labels = new ColumnConstraints();
    labels.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints fields = new ColumnConstraints();
    fields.setHgrow(Priority.ALWAYS);
    grid.getColumnConstraints().addAll(labels, fields);
    int row = 0;
    ComboBox<TableFormat> format = choice("import-format", List.of(TableFormat.values()),
        TableFormat::label);
    format.valueProperty().bindBidirectional(model.formatProperty());
    grid.addRow(row++, new Label("Format"), format);
    ComboBox<Delimiter> delimiter = choice("import-delimiter", List.of(Delimiter.values()),
        Delimiter::label);
    delimiter.valueProperty().bindBidirectional(model.delimiterProperty());
    delimiter.disableProperty().bind(model.formatProperty().isEqualTo(TableFormat.JSONL));
    grid.addRow(row++, new Label("Delimiter"), delimiter);

    grid.add(heading("Columns"), 0, row++, 2, 1);
    grid.addRow(row++, new Label("Text"), ColumnChooser.create("import-text-column",
        model.columns(), model.textColumnProperty(), false));
    grid.addRow(row++, new Label("Label"), ColumnChooser.create("import-label-column",
        model.columns(), model.labelColumnProperty(), false));
    grid.addRow(row++, new Label("Mask"), ColumnChooser.create("import-mask-column",
        model.columns(), model.maskColumnProperty(), true));
    grid.addRow(row++, new Label("Id"), ColumnChooser.create("import-id-column",
        model.columns(), model.idColumnProperty(), true));
    grid.addRow(row++, new Label("Split"), ColumnChooser.create("import-split-column",
        model.columns(), model.splitColumnProperty(), true));

    grid.add(heading("Tokenizer"), 0, row++, 2, 1);
    CheckBox lowercase = new CheckBox("Lowercase");
    lowercase.setId("import-lowercase");
    lowercase.selectedProperty().bindBidirectional(model.lowercaseProperty());
    grid.add(lowercase, 0, row++, 2, 1);
    CheckBox punctuation = new CheckBox("Split punctuation into tokens");
    punctuation.setId("import-split-punctuation");
    punctuation.selectedProperty().bindBidirectional(model.splitPunctuationProperty());
    grid.add(punctuation, 0, row++, 2, 1);
    Spinner<Integer> maxTokens = new Spinner<>(0, 1_000_000, model.maxTokensProperty().get());
    maxTokens.setId("import-max-tokens");
    maxTokens.setEditable(true);
    maxTokens.setTooltip(new Tooltip("Keep at most this many tokens of each text (0: all)"));
    follow(maxTokens, model.maxTokensProperty(), Integer::parseInt);
    grid.addRow(row++, new Label("Max tokens"), maxTokens);

    grid.add(heading("Classes"), 0, row++, 2, 1);
    ComboBox<ClassOrder> order = choice("import-class-order", List.of(ClassOrder.values()),
        ClassOrder::label);
    order.valueProperty().bindBidirectional(model.classOrderProperty());
    order.setTooltip(new Tooltip("How word labels become class indices; integer labels keep "
        + "their value"));
    grid.addRow(row++, new Label("Order"), order);

    grid.add(heading("Split"), 0, row++, 2, 1);
    Spinner<Double> fraction = new Spinner<>(new SpinnerValueFactory.DoubleSpinnerValueFactory(
        0, 0.95, model.testFractionProperty().get(), 0.05));
    fraction.setId("import-test-fraction");
    fraction.setEditable(true);
    follow(fraction, model.testFractionProperty(), Double::parseDouble);
    TextField seed = new TextField(Long.toString(model.seedProperty().get()));
    seed.setId("import-seed");
    parseAsTyped(seed, model.seedProperty(), Long::parseLong);
    model.seedProperty().addListener((o, a, b) -> {
      if (!seed.isFocused()) {
        seed.setText(b.toString());
      }
    });
    var seeded = model.splitColumnProperty().isNull();
    fraction.disableProperty().bind(seeded.not());
    seed.disableProperty().bind(seeded.not());
    grid.addRow(row++, new Label("Test fraction"), fraction);
    grid.addRow(row++, new Label("Seed"), seed);
    Label splitHint = new Label();
    splitHint.setId("import-split-hint");
    splitHint.setWrapText(true);
    splitHint.textProperty().bind(Bindings.createStringBinding(() ->
        model.splitColumnProperty().get() == null
            ? "A stratified split by label, drawn with the seed."
            : "The column \"" + model.splitColumnProperty().get() + "\" says train or test.",
        model.splitColumnProperty()));
    grid.add(splitHint, 0, row, 2, 1);
    VBox box = new VBox(grid);
    box.setPadding(new Insets(0, 8, 0, 0));
    return box;
  }

  private VBox results() {
    TableView<List<String>> table = new TableView<>();
    table.setId("import-preview");
    table.setPlaceholder(new Label("No records to show"));
    table.setItems(model.rows());
    Runnable columns = () -> {
      table.getColumns().clear();
      for (int i = 0; i < model.columns().size(); i++) {
        int index = i;
        TableColumn<List<String>, String> column = new TableColumn<>(model.columns().get(i));
        column.setSortable(false);
        column.setPrefWidth(model.columns().get(i).equals(model.textColumnProperty().get())
            ? TEXT_COLUMN_WIDTH : OTHER_COLUMN_WIDTH);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(
            index < c.getValue().size() ? oneLine(c.getValue().get(index)) : ""));
        table.getColumns().add(column);
      }
    };
    model.columns().addListener((ListChangeListener<String>) c -> columns.run());
    model.textColumnProperty().addListener((o, a, b) -> table.getColumns().forEach(c ->
        c.setPrefWidth(c.getText().equals(b) ? TEXT_COLUMN_WIDTH : OTHER_COLUMN_WIDTH)));
    columns.run();
    VBox.setVgrow(table, Priority.ALWAYS);

    TableView<ClassCount> classes = new TableView<>(model.classCounts());
    classes.setId("import-classes");
    classes.setPlaceholder(new Label("No classes found"));
    classes.setPrefHeight(150);
    classes.getColumns().add(column("Index", 60, c -> Integer.toString(c.index())));
    classes.getColumns().add(column("Class", 200, ClassCount::name));
    classes.getColumns().add(column("Records", 100, c -> Long.toString(c.records())));

    ListView<ImportProblem> problems = new ListView<>(model.problems());
    problems.setId("import-problems");
    problems.setPlaceholder(new Label("No problems found"));
    problems.setPrefHeight(150);
    problems.setCellFactory(v -> new ListCell<>() {
      @Override
      protected void updateItem(ImportProblem item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : ProblemText.of(item));
      }
    });
    Label problemsTitle = new Label();
    problemsTitle.textProperty().bind(Bindings.createStringBinding(() -> {
      int n = model.problems().size();
      return n == 0 ? "Problems" : "Problems (" + (model.problemsTruncatedProperty().get()
          ? "the first " + n : Integer.toString(n)) + ")";
    }, model.problems(), model.problemsTruncatedProperty()));
    HBox lists = new HBox(10, titled("Classes found", classes), titled(problemsTitle, problems));
    HBox.setHgrow(lists.getChildren().get(0), Priority.ALWAYS);
    HBox.setHgrow(lists.getChildren().get(1), Priority.ALWAYS);

    TextArea trace = new TextArea();
    trace.setId("import-failure-trace");
    trace.setEditable(false);
    trace.setPrefRowCount(8);
    trace.textProperty().bind(model.failureDetailsProperty());
    TitledPane details = new TitledPane("Details", trace);
    details.setId("import-details");
    details.setExpanded(false);
    details.visibleProperty().bind(model.failureDetailsProperty().isNotEmpty());
    details.managedProperty().bind(details.visibleProperty());

    VBox box = new VBox(8, heading("First records"), table, lists, details);
    box.setPadding(new Insets(0, 0, 0, 8));
    return box;
  }

  private HBox buttons() {
    Label reason = new Label();
    reason.setId("import-block-reason");
    reason.setWrapText(true);
    reason.textProperty().bind(model.blockReasonProperty());
    reason.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(reason, Priority.ALWAYS);
    ProgressIndicator busy = new ProgressIndicator();
    busy.setId("import-busy");
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(model.busyProperty());
    Button cancel = new Button("Cancel");
    cancel.setId("import-cancel");
    cancel.setCancelButton(true);
    cancel.setOnAction(e -> stage.close());
    Button ok = new Button("Import");
    ok.setId("import-ok");
    ok.setDefaultButton(true);
    ok.disableProperty().bind(model.canImportProperty().not());
    ok.setOnAction(e -> model.importDataset());
    ButtonBar.setButtonData(ok, ButtonBar.ButtonData.OK_DONE);
    HBox bar = new HBox(8, reason, busy, cancel, ok);
    bar.setPadding(new Insets(8, 0, 0, 0));
    return bar;
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.setStyle("-fx-font-weight: bold;");
    label.setPadding(new Insets(6, 0, 0, 0));
    return label;
  }

  private static VBox titled(String title, Region content) {
    return titled(heading(title), content);
  }

  private static VBox titled(Label title, Region content) {
    title.setStyle("-fx-font-weight: bold;");
    VBox box = new VBox(4, title, content);
    VBox.setVgrow(content, Priority.ALWAYS);
    return box;
  }

  private static <T> TableColumn<ClassCount, String> column(String title, double width,
      Function<ClassCount, String> value) {
    TableColumn<ClassCount, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setSortable(false);
    column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    return column;
  }

  private static <T> ComboBox<T> choice(String id, List<T> items, Function<T, String> label) {
    ComboBox<T> box = new ComboBox<>();
    box.setId(id);
    box.setMaxWidth(Double.MAX_VALUE);
    box.getItems().setAll(items);
    box.setConverter(Named.by(label));
    return box;
  }

  /**
   * Keeps an editable spinner and a number property in step: typed text counts as soon as it
   * parses (not only on Enter), text that does not parse is framed in red and ignored; the
   * property writes back into the spinner only while the user is not typing in it.
   */
  private static <T extends Number> void follow(Spinner<T> spinner,
      javafx.beans.property.Property<Number> property, Function<String, T> parse) {
    spinner.valueProperty().addListener((o, a, b) -> {
      if (b != null) {
        property.setValue(b);
      }
    });
    parseAsTyped(spinner.getEditor(), property, parse);
    property.addListener((o, a, b) -> {
      if (b != null && !spinner.getEditor().isFocused() && !b.equals(spinner.getValue())) {
        @SuppressWarnings("unchecked")
        T value = (T) (spinner.getValue() instanceof Double ? (Number) b.doubleValue()
            : (Number) b.intValue());
        spinner.getValueFactory().setValue(value);
      }
    });
  }

  /**
   * Sets {@code property} from a text field as soon as its text parses; text that does not parse
   * is framed in red and ignored.
   */
  private static void parseAsTyped(TextField field,
      javafx.beans.property.Property<Number> property, Function<String, ? extends Number> parse) {
    field.textProperty().addListener((o, a, b) -> {
      try {
        property.setValue(parse.apply(b.trim()));
        field.setStyle("");
      } catch (NumberFormatException e) {
        field.setStyle("-fx-border-color: #b2182b;");
      }
    });
  }

  private static String oneLine(String value) {
    return value == null ? "" : value.replace("\r\n", "\n").replace("\n", " \u21b5 ");
  }
}
