package io.gradlens.app.workspace;

import io.gradlens.app.dataimport.SavedImportSettings;
import io.gradlens.app.settings.RecentDataset;
import io.gradlens.app.settings.RecentDatasets;
import io.gradlens.data.imports.TextImportSettings;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace panel's Recent group: the dataset files the user imported, with the settings
 * they were imported with, most recent first, kept in the app settings so that the next start lists
 * them again. An entry whose file is gone is listed as missing (and can be removed), never opened;
 * a bad entry in the settings costs that entry, not the start.
 */
public final class RecentDatasetsViewModel {

  /** Where the list persists (the app settings). */
  public interface Store {
    /** @return the remembered datasets, most recent first */
    List<RecentDataset> load();

    /** Replaces the remembered datasets. */
    void save(List<RecentDataset> datasets);
  }

  /**
   * One listed dataset.
   *
   * @param saved the remembered file and settings
   * @param name the file name to show
   * @param missing whether the file was not found when the list was last read
   */
  public record RecentItem(RecentDataset saved, String name, boolean missing) {

    /** @return the label of the panel: the name, and "file not found" for a missing file */
    public String label() {
      return missing ? name + " \u2014 file not found" : name;
    }
  }

  private final Store store;
  private final Predicate<Path> exists;
  private final ObservableList<RecentItem> items = FXCollections.observableArrayList();
  private final ObservableList<RecentItem> itemsView = FXCollections.unmodifiableObservableList(items);
  private Consumer<TextImportSettings> onOpen = s -> { };
  private Consumer<TextImportSettings> onEdit = s -> { };

  /** @param store where the list persists; files are looked up on disk */
  public RecentDatasetsViewModel(Store store) {
    this(store, Files::isRegularFile);
  }

  /**
   * @param store where the list persists
   * @param exists whether a file is there (tests)
   */
  public RecentDatasetsViewModel(Store store, Predicate<Path> exists) {
    this.store = Objects.requireNonNull(store, "store");
    this.exists = Objects.requireNonNull(exists, "exists");
    reload();
  }

  /** Sets how a listed dataset is opened with its remembered settings (without the dialog). */
  public void setOnOpen(Consumer<TextImportSettings> action) {
    onOpen = Objects.requireNonNull(action, "action");
  }

  /** Sets how a listed dataset is imported again with the dialog, starting from its settings. */
  public void setOnEdit(Consumer<TextImportSettings> action) {
    onEdit = Objects.requireNonNull(action, "action");
  }

  /** Reads the list again from the store and looks each file up. */
  public void reload() {
    List<RecentItem> next = store.load().stream().map(this::item).toList();
    if (!items.equals(next)) {
      items.setAll(next); // unchanged: the panel keeps its selection
    }
  }

  private RecentItem item(RecentDataset saved) {
    Path path = pathOf(saved);
    String name = path == null || path.getFileName() == null ? saved.file()
        : path.getFileName().toString();
    return new RecentItem(saved, name, path == null || !exists.test(path));
  }

  private static Path pathOf(RecentDataset saved) {
    try {
      return Path.of(saved.file());
    } catch (InvalidPathException e) {
      return null;
    }
  }

  /** Remembers an imported dataset with its settings at the top of the list. */
  public void remember(TextImportSettings settings) {
    store.save(RecentDatasets.touch(store.load(), SavedImportSettings.save(settings)));
    reload();
  }

  /** Forgets a listed dataset. */
  public void remove(RecentItem item) {
    store.save(RecentDatasets.remove(store.load(), item.saved().file()));
    reload();
  }

  /**
   * Opens a listed dataset with its remembered settings.
   *
   * @return false (and nothing opens) when its file is missing; the list is read again then, in
   *     case the file came back
   */
  public boolean open(RecentItem item) {
    if (item.missing() || !exists.test(pathOf(item.saved()))) {
      reload();
      return false;
    }
    onOpen.accept(SavedImportSettings.restore(item.saved()));
    return true;
  }

  /** Opens the import dialog for a listed dataset, starting from its remembered settings. */
  public void edit(RecentItem item) {
    if (!item.missing()) {
      onEdit.accept(SavedImportSettings.restore(item.saved()));
    }
  }

  /** @return the listed datasets, most recent first (read-only) */
  public ObservableList<RecentItem> items() {
    return itemsView;
  }
}
