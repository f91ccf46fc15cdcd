package io.gradlens.app;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** What a file opened by drag-and-drop or from the recent-files menu is, judged by extension. */
public enum FileKind {
  /** A dataset (csv, tsv, txt, jsonl, json). */
  DATASET,
  /** A model: a bundle, a Keras file or a TensorFlow.js {@code model.json} (what ModelFiles opens). */
  MODEL;

  private static final Set<String> DATASET_EXTENSIONS = Set.of("csv", "tsv", "txt", "jsonl",
      "json");
  private static final Set<String> MODEL_EXTENSIONS = Set.of("gradlens", "h5", "hdf5", "keras");
  /** A TensorFlow.js model is a JSON file named like {@code model.json}, not a dataset. */
  private static final String TFJS_MODEL_SUFFIX = "model.json";

  /** @return the kind of {@code file}, or empty when the extension is unknown */
  public static Optional<FileKind> of(Path file) {
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String s = name.toString();
    int dot = s.lastIndexOf('.');
    String ext = dot < 0 ? "" : s.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (s.toLowerCase(Locale.ROOT).endsWith(TFJS_MODEL_SUFFIX)) {
      return Optional.of(MODEL);
    }
    if (DATASET_EXTENSIONS.contains(ext)) {
      return Optional.of(DATASET);
    }
    if (MODEL_EXTENSIONS.contains(ext)) {
      return Optional.of(MODEL);
    }
    return Optional.empty();
  }
}
