package io.gradlens.app.dataimport;

import io.gradlens.app.error.ErrorMessages;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import io.gradlens.app.task.ExclusiveJob;
import io.gradlens.app.task.TaskRunner;
import io.gradlens.data.MissingDatasetException;
import io.gradlens.data.imports.ClassOrder;
import io.gradlens.data.imports.ColumnMapping;
import io.gradlens.data.imports.ImportPreview;
import io.gradlens.data.imports.ImportProblem;
import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.data.imports.TokenizerOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * State of the import dialog: the settings the user chooses (format, delimiter, the five column
 * roles, tokenizer, class order, split), and what the preview of the file with those settings
 * found (columns, first rows, class counts, problems with their lines).
 *
 * <p>Every change of a setting previews the file again off the FX thread, a short moment later so
 * that typing coalesces; a new preview supersedes the previous one, whose result is dropped. The
 * first preview proposes the columns {@link io.gradlens.data.imports.ColumnGuess} guesses from the
 * header, unless the user already chose some. Import is possible only while the latest preview
 * has no problems, and {@link #blockReasonProperty()} says in a plain sentence why not otherwise.
 * Failures of bad input are messages; only an unexpected failure keeps its stack trace, for the
 * dialog's "Details".
 */
public final class ImportViewModel {

  /** Records shown in the preview table. */
  public static final int PREVIEW_ROWS = 20;
  /** Pause after a change before the file is previewed again (typing coalesces). */
  static final long PREVIEW_DELAY_MS = 250;

  private final WorkspaceService service;
  private final TaskRunner runner;
  private final Path file;
  private final ExclusiveJob previewJob;
  private final ExclusiveJob importJob;
  private final List<String> explicitClasses;

  private final ObjectProperty<TableFormat> format = new SimpleObjectProperty<>(this, "format");
  private final ObjectProperty<Delimiter> delimiter = new SimpleObjectProperty<>(this, "delimiter");
  private final ObjectProperty<String> textColumn = new SimpleObjectProperty<>(this, "text");
  private final ObjectProperty<String> labelColumn = new SimpleObjectProperty<>(this, "label");
  private final ObjectProperty<String> maskColumn = new SimpleObjectProperty<>(this, "mask");
  private final ObjectProperty<String> idColumn = new SimpleObjectProperty<>(this, "id");
  private final ObjectProperty<String> splitColumn = new SimpleObjectProperty<>(this, "split");
  private final BooleanProperty lowercase = new SimpleBooleanProperty(this, "lowercase");
  private final BooleanProperty splitPunctuation = new SimpleBooleanProperty(this, "punctuation");
  private final IntegerProperty maxTokens = new SimpleIntegerProperty(this, "maxTokens");
  private final ObjectProperty<ClassOrder> classOrder = new SimpleObjectProperty<>(this, "order");
  private final DoubleProperty testFraction = new SimpleDoubleProperty(this, "testFraction");
  private final LongProperty seed = new SimpleLongProperty(this, "seed");

  private final ObservableList<String> columns = FXCollections.observableArrayList();
  private final ObservableList<List<String>> rows = FXCollections.observableArrayList();
  private final ObservableList<ClassCount> classCounts = FXCollections.observableArrayList();
  private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
  private final ReadOnlyLongWrapper records = new ReadOnlyLongWrapper(this, "records");
  private final ReadOnlyBooleanWrapper problemsTruncated =
      new ReadOnlyBooleanWrapper(this, "problemsTruncated");
  private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
  private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing");
  private final ReadOnlyStringWrapper blockReason = new ReadOnlyStringWrapper(this, "block", "");
  private final ReadOnlyStringWrapper failureDetails =
      new ReadOnlyStringWrapper(this, "failureDetails", "");

  private boolean guessPending;
  private boolean applying;
  private long changes;
  private ImportPreview preview;
  private Consumer<ImportedDataset> onImported = d -> { };

  /** A dataset the dialog imported, with the settings it was read with. */
  public record ImportedDataset(WorkspaceEntry entry, TextImportSettings settings) {
  }

  /**
   * @param service previews and imports the file
   * @param runner runs both off the FX thread
   * @param initial the settings to start from ({@link TextImportSettings#defaults} for a new
   *     file, the remembered ones for a recent dataset)
   * @param guessColumns whether the first preview replaces the columns of {@code initial} by the
   *     guessed ones (for a new file)
   */
  public ImportViewModel(WorkspaceService service, TaskRunner runner, TextImportSettings initial,
      boolean guessColumns) {
    this.service = Objects.requireNonNull(service, "service");
    this.runner = Objects.requireNonNull(runner, "runner");
    this.file = initial.file();
    this.explicitClasses = initial.classes();
    this.previewJob = new ExclusiveJob(runner);
    this.importJob = new ExclusiveJob(runner);
    this.guessPending = guessColumns;
    apply(initial);
    busy.bind(previewJob.busyProperty().or(importJob.busyProperty()));
    importing.bind(importJob.busyProperty());
    format.addListener((o, a, b) -> {
      if (b != null && !applying && b != TableFormat.JSONL) {
        delimiter.set(Delimiter.of(b.defaultDelimiter()));
      }
    });
    for (Observable column : List.of(textColumn, labelColumn, maskColumn, idColumn, splitColumn)) {
      column.addListener(o -> {
        if (!applying) {
          guessPending = false; // the user chose: keep it
        }
      });
    }
    for (Observable setting : List.of(format, delimiter, textColumn, labelColumn, maskColumn,
        idColumn, splitColumn, lowercase, splitPunctuation, maxTokens, classOrder, testFraction,
        seed)) {
      setting.addListener(o -> {
        if (!applying) {
          schedulePreview();
        }
      });
    }
  }

  private void apply(TextImportSettings s) {
    applying = true;
    try {
      format.set(s.format());
      delimiter.set(Delimiter.of(s.delimiter()) != null ? Delimiter.of(s.delimiter())
          : Delimiter.of(s.format() == TableFormat.JSONL ? ',' : s.format().defaultDelimiter()));
      applyColumns(s.columns());
      lowercase.set(s.tokenizer().lowercase());
      splitPunctuation.set(s.tokenizer().splitPunctuation());
      maxTokens.set(s.tokenizer().maxTokens());
      classOrder.set(s.order());
      testFraction.set(s.testFraction());
      seed.set(s.seed());
    } finally {
      applying = false;
    }
  }

  private void applyColumns(ColumnMapping c) {
    boolean was = applying;
    applying = true;
    try {
      textColumn.set(c.text());
      labelColumn.set(c.label());
      maskColumn.set(c.mask());
      idColumn.set(c.id());
      splitColumn.set(c.split());
    } finally {
      applying = was;
    }
  }

  /** Previews the file with the initial settings (call once, after the dialog is built). */
  public void start() {
    runPreview();
  }

  /** Sets what runs on the FX thread after a successful import (the dialog closes then). */
  public void setOnImported(Consumer<ImportedDataset> action) {
    onImported = Objects.requireNonNull(action, "action");
  }

  private void schedulePreview() {
    long mine = ++changes;
    canImport.set(false);
    blockReason.set("Reading the file again with the new settings\u2026");
    runner.uiScheduler().schedule(PREVIEW_DELAY_MS, () -> {
      if (mine == changes) {
        runPreview();
      }
    });
  }

  /** The mapping in the choosers. */
  private ColumnMapping columnsChosen() {
    return new ColumnMapping(textColumn.get(), labelColumn.get(), maskColumn.get(), idColumn.get(),
        splitColumn.get());
  }

  /**
   * @return the settings chosen now
   * @throws IllegalArgumentException when a value is out of range (a test fraction of 1)
   */
  public TextImportSettings settings() {
    TableFormat f = format.get();
    char d = f == TableFormat.JSONL || delimiter.get() == null ? f.defaultDelimiter()
        : delimiter.get().character();
    return new TextImportSettings(file, f, d, columnsChosen(), explicitClasses, classOrder.get(),
        new TokenizerOptions(lowercase.get(), splitPunctuation.get(), maxTokens.get()),
        testFraction.get(), seed.get());
  }

  private void runPreview() {
    ++changes;
    importJob.cancel();
    TextImportSettings s;
    try {
      s = settings();
    } catch (IllegalArgumentException e) {
      previewJob.cancel();
      block(ErrorMessages.oneLine(e), "");
      return;
    }
    canImport.set(false);
    failureDetails.set("");
    blockReason.set("Reading " + file.getFileName() + "\u2026");
    previewJob.start("Preview " + file.getFileName(),
        (progress, cancel) -> service.previewImport(s, PREVIEW_ROWS, progress, cancel),
        this::show, this::previewFailed);
  }

  private void show(ImportPreview p) {
    if (guessPending) {
      guessPending = false;
      if (!p.guessed().equals(columnsChosen())) {
        columns.setAll(p.columns());
        applyColumns(p.guessed());
        runPreview();
        return;
      }
    }
    preview = p;
    columns.setAll(p.columns());
    rows.setAll(p.firstRows());
    List<ClassCount> counts = new ArrayList<>();
    for (Map.Entry<String, Long> e : p.classCounts().entrySet()) {
      counts.add(new ClassCount(counts.size(), e.getKey(), e.getValue()));
    }
    classCounts.setAll(counts);
    problems.setAll(p.problems());
    problemsTruncated.set(p.problemsTruncated());
    records.set(p.records());
    String reason = reasonNotToImport(p);
    blockReason.set(reason);
    canImport.set(reason.isEmpty());
  }

  private String reasonNotToImport(ImportPreview p) {
    if (!p.problems().isEmpty()) {
      int n = p.problems().size();
      String count = p.problemsTruncated() ? "more than " + n + " problems"
          : n == 1 ? "a problem" : n + " problems";
      return "Nothing is imported while the file has " + count + " (listed under Problems with "
          + "their lines): fix the file or change the settings.";
    }
    if (textColumn.get() == null) {
      return "Choose the column that holds the text.";
    }
    if (labelColumn.get() == null) {
      return "Choose the column that holds the label.";
    }
    if (p.records() == 0) {
      return "The file has no records to import.";
    }
    return "";
  }

  private void previewFailed(Throwable error) {
    preview = null;
    rows.clear();
    classCounts.clear();
    problems.clear();
    records.set(0);
    block("The file cannot be read: " + ErrorMessages.oneLine(error),
        isBadInput(error) ? "" : ErrorMessages.details(error));
  }

  private void block(String reason, String details) {
    canImport.set(false);
    blockReason.set(reason);
    failureDetails.set(details);
  }

  /**
   * Whether a failure is the file's or the user's doing (a missing or unreadable file, bad
   * content, a limit): those are told in words, without a stack trace.
   */
  public static boolean isBadInput(Throwable error) {
    Throwable t = ErrorMessages.unwrap(error);
    return t instanceof IOException || t instanceof UncheckedIOException
        || t instanceof IllegalArgumentException || t instanceof MissingDatasetException;
  }

  /**
   * Imports the file with the chosen settings in the background; on success the workspace lists
   * it and {@link #setOnImported} runs, on failure the reason shows and nothing is added.
   */
  public void importDataset() {
    if (!canImport.get()) {
      return;
    }
    TextImportSettings s = settings();
    canImport.set(false);
    blockReason.set("Importing " + file.getFileName() + "\u2026");
    importJob.start("Import " + file.getFileName(),
        (progress, cancel) -> service.importDataset(s, progress, cancel),
        entry -> {
          blockReason.set("");
          onImported.accept(new ImportedDataset(entry, s));
        },
        error -> {
          block("Import failed: " + ErrorMessages.oneLine(error),
              isBadInput(error) ? "" : ErrorMessages.details(error));
        });
  }

  /** Stops a running preview or import (the dialog was closed); nothing is added. */
  public void cancel() {
    ++changes;
    previewJob.cancel();
    importJob.cancel();
  }

  /** @return the file being imported */
  public Path file() {
    return file;
  }

  /** @return the latest preview shown, or {@code null} before the first or after a failure */
  public ImportPreview preview() {
    return preview;
  }

  /** @return the table format */
  public ObjectProperty<TableFormat> formatProperty() {
    return format;
  }

  /** @return the field delimiter (ignored for JSON Lines) */
  public ObjectProperty<Delimiter> delimiterProperty() {
    return delimiter;
  }

  /** @return the column holding the text, or {@code null} while none is chosen */
  public ObjectProperty<String> textColumnProperty() {
    return textColumn;
  }

  /** @return the column holding the label, or {@code null} while none is chosen */
  public ObjectProperty<String> labelColumnProperty() {
    return labelColumn;
  }

  /** @return the column holding token masks, or {@code null} for none */
  public ObjectProperty<String> maskColumnProperty() {
    return maskColumn;
  }

  /** @return the column holding record ids, or {@code null} for none */
  public ObjectProperty<String> idColumnProperty() {
    return idColumn;
  }

  /** @return the column holding train/test, or {@code null} for a seeded split */
  public ObjectProperty<String> splitColumnProperty() {
    return splitColumn;
  }

  /** @return whether tokens are lowercased */
  public BooleanProperty lowercaseProperty() {
    return lowercase;
  }

  /** @return whether punctuation characters are tokens of their own */
  public BooleanProperty splitPunctuationProperty() {
    return splitPunctuation;
  }

  /** @return the most tokens kept of a text (0: all) */
  public IntegerProperty maxTokensProperty() {
    return maxTokens;
  }

  /** @return the order of the class names derived from word labels */
  public ObjectProperty<ClassOrder> classOrderProperty() {
    return classOrder;
  }

  /** @return the share of records in the test split when there is no split column, in [0, 1) */
  public DoubleProperty testFractionProperty() {
    return testFraction;
  }

  /** @return the seed of that split */
  public LongProperty seedProperty() {
    return seed;
  }

  /** @return the file's columns (header names, or JSON keys), as the latest preview found them */
  public ObservableList<String> columns() {
    return columns;
  }

  /** @return the first records, one value per column of {@link #columns()} */
  public ObservableList<List<String>> rows() {
    return rows;
  }

  /** @return the classes an import would create, in index order, with their record counts */
  public ObservableList<ClassCount> classCounts() {
    return classCounts;
  }

  /** @return the problems the latest preview found, with their lines */
  public ObservableList<ImportProblem> problems() {
    return problems;
  }

  /** @return whether the file has more problems than {@link #problems()} lists */
  public ReadOnlyBooleanProperty problemsTruncatedProperty() {
    return problemsTruncated.getReadOnlyProperty();
  }

  /** @return the number of records in the file */
  public ReadOnlyLongProperty recordsProperty() {
    return records.getReadOnlyProperty();
  }

  /** @return whether Import may be pressed now */
  public ReadOnlyBooleanProperty canImportProperty() {
    return canImport.getReadOnlyProperty();
  }

  /** @return a plain sentence why Import is off (empty while it is on) */
  public ReadOnlyStringProperty blockReasonProperty() {
    return blockReason.getReadOnlyProperty();
  }

  /** @return the stack trace of an unexpected failure, for "Details" (empty for bad input) */
  public ReadOnlyStringProperty failureDetailsProperty() {
    return failureDetails.getReadOnlyProperty();
  }

  /** @return whether a preview or the import runs */
  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  /** @return whether the import runs */
  public ReadOnlyBooleanProperty importingProperty() {
    return importing.getReadOnlyProperty();
  }
}
