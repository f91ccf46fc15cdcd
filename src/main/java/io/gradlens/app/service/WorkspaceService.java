package io.gradlens.app.service;

import io.gradlens.data.imports.ImportPreview;
import io.gradlens.data.imports.TextImportSettings;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Lists, opens and reads the datasets and models of the workspace. */
public interface WorkspaceService {

  /** @return all known datasets and models (built-in, trained, opened), in display order */
  List<WorkspaceEntry> entries();

  /**
   * Opens a dataset file and adds it to the workspace.
   *
   * @throws Exception when the file cannot be read or parsed
   */
  WorkspaceEntry openDataset(Path file, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /**
   * Whether {@link #previewImport} and {@link #importDataset} work here: then the workbench opens
   * CSV/TSV/JSONL files through its import dialog, else directly with {@link #openDataset}.
   */
  default boolean supportsImport() {
    return false;
  }

  /**
   * Reads a labelled text file with {@code settings} as the import would, without loading it: its
   * columns, first {@code rows} records, guessed columns, class counts and problems with lines.
   *
   * @throws Exception when the file cannot be read at all (bad content is reported, not thrown)
   */
  default ImportPreview previewImport(TextImportSettings settings, int rows,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    throw new UnsupportedOperationException("Importing needs the GradLens core");
  }

  /**
   * Imports a labelled text file with {@code settings} (as {@code bin/gradlens} reads it) and adds
   * it to the workspace, replacing an earlier import of the same file.
   *
   * @throws Exception when the file cannot be read or its content is bad
   */
  default WorkspaceEntry importDataset(TextImportSettings settings, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    throw new UnsupportedOperationException("Importing needs the GradLens core");
  }

  /**
   * Opens a model file, adds it to the workspace and makes it the current model.
   *
   * @throws Exception when the file cannot be read or is not a model
   */
  WorkspaceEntry openModel(Path file, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /**
   * Makes {@code model} the current model used for predictions and explanations.
   *
   * @throws Exception when the model cannot be loaded
   */
  void selectModel(WorkspaceEntry model, ProgressListener progress, CancellationToken cancel)
      throws Exception;

  /**
   * Reads a dataset's examples, with predictions of the current model when one is selected.
   *
   * @throws Exception when the dataset cannot be read
   */
  List<Example> examples(WorkspaceEntry dataset, ProgressListener progress,
      CancellationToken cancel) throws Exception;

  /**
   * Writes a model as a {@code .gradlens} bundle (atomically: a failed save leaves an existing
   * file untouched).
   *
   * @throws Exception when the model cannot be written
   */
  default void saveModel(WorkspaceEntry model, Path file, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    throw new UnsupportedOperationException("Saving models needs the GradLens core");
  }

  /**
   * A dataset that fits {@code model} when {@code currentDataset} does not (for example the
   * dataset the model was trained on); empty when the current dataset fits or none is known.
   *
   * @throws Exception when the model cannot be loaded
   */
  default Optional<WorkspaceEntry> datasetFor(WorkspaceEntry model, WorkspaceEntry currentDataset,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return Optional.empty();
  }

  /**
   * Whether {@code model} was made for {@code dataset}: the workflow's
   * {@link io.gradlens.workflow.explain.ModelDatasetFit#fit} (classes, input kind and shape,
   * vocabulary coverage). Where the service cannot tell, everything fits.
   *
   * @throws Exception when the model or the dataset cannot be loaded
   */
  default io.gradlens.workflow.explain.FitReport fit(WorkspaceEntry dataset, WorkspaceEntry model,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return io.gradlens.workflow.explain.FitReport.fits();
  }

  /**
   * The kind, inputs, classes and provenance of a model; empty where the service keeps none.
   *
   * @throws Exception when the model cannot be read
   */
  default Optional<io.gradlens.workflow.ModelDetails> details(WorkspaceEntry model,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return Optional.empty();
  }

  /**
   * The pixels of an image example, for a thumbnail; empty for texts (and where the service keeps
   * no pixels).
   */
  default Optional<SaliencyResult.ImageInput> image(Example example) {
    return Optional.empty();
  }
}
