package io.gradlens.app.service;

import io.gradlens.data.edits.DatasetEdit;
import io.gradlens.data.edits.DatasetEdits;
import io.gradlens.data.edits.ExampleRef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The edit lists of the workspace's datasets (relabel, exclude, "must not matter" masks): every
 * change is saved beside the dataset before it takes effect and the dataset's own file is never
 * written. After a change, views that show the dataset reload it: it then reads with its edits.
 */
public interface DatasetEditService {

  /** @return the current edits of the dataset with id {@code datasetId} */
  DatasetEdits edits(String datasetId) throws IOException;

  /**
   * @param exampleId a workspace example id, {@code test/17} or {@code train/3} (positions in the
   *     unedited dataset, as {@link Example#id()} gives them)
   * @return a reference with the example's fingerprint, for building an edit
   */
  ExampleRef reference(String datasetId, String exampleId) throws IOException;

  /** Appends and saves {@code edit}. */
  void add(String datasetId, DatasetEdit edit) throws IOException;

  /**
   * Removes the newest occurrence of {@code edit} and saves.
   *
   * @return whether the list held it
   */
  boolean remove(String datasetId, DatasetEdit edit) throws IOException;

  /** Removes and saves away the newest edit; empty when there is none. */
  Optional<DatasetEdit> undo(String datasetId) throws IOException;

  /** Puts back the edit undone last in this session; empty when there is none. */
  Optional<DatasetEdit> redo(String datasetId) throws IOException;

  /**
   * @return whether {@link #redo} would put an edit back (an undo of this session not followed
   *     by a new edit); false where the service cannot tell
   */
  default boolean canRedo(String datasetId) throws IOException {
    return false;
  }

  /** @return the file the dataset's edits are kept in */
  Path location(String datasetId) throws IOException;
}
