package io.gradlens.app.session;

import io.gradlens.app.settings.SessionState;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What to open at start: the last session's dataset and model where they still exist (by
 * workspace id, or by their file for ones opened from a file), else the defaults; and the tab
 * to select. A model trained in the last session and never saved is gone: then no model is
 * selected, unless the dataset is the default one too.
 *
 * @param datasetId workspace id of the dataset to select, or {@code null}
 * @param datasetFile file of the dataset to open, or {@code null}
 * @param modelId workspace id of the model to select, or {@code null}
 * @param modelFile file of the model to open, or {@code null}
 * @param tab id of the tab to select, or {@code null}
 */
public record StartPlan(String datasetId, Path datasetFile, String modelId, Path modelFile,
    String tab) {

  /**
   * @param session the last session's state
   * @param known the workspace's entry ids at start
   * @param exists whether a file still exists
   * @param defaultDataset dataset id of a first start
   * @param defaultModel model id of a first start
   */
  public static StartPlan of(SessionState session, Set<String> known, Predicate<Path> exists,
      String defaultDataset, String defaultModel) {
    String datasetId = null;
    Path datasetFile = null;
    if (session.datasetId() != null && known.contains(session.datasetId())) {
      datasetId = session.datasetId();
    } else if (session.datasetFile() != null && exists.test(Path.of(session.datasetFile()))) {
      datasetFile = Path.of(session.datasetFile());
    } else if (known.contains(defaultDataset)) {
      datasetId = defaultDataset;
    }
    String modelId = null;
    Path modelFile = null;
    if (session.modelId() != null && known.contains(session.modelId())) {
      modelId = session.modelId();
    } else if (session.modelFile() != null && exists.test(Path.of(session.modelFile()))) {
      modelFile = Path.of(session.modelFile());
    } else if (known.contains(defaultModel)
        && (session.modelId() == null || defaultDataset.equals(datasetId))) {
      modelId = defaultModel;
    }
    return new StartPlan(datasetId, datasetFile, modelId, modelFile, session.tab());
  }
}
