package io.gradlens.app.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A dataset or model known to the workspace.
 *
 * @param id stable identifier, unique within the workspace
 * @param name display name
 * @param kind dataset or model
 * @param origin where it came from
 * @param source file it was opened from, or {@code null} for built-in and trained entries
 */
public record WorkspaceEntry(String id, String name, Kind kind, Origin origin, Path source) {

  /** What the entry is. */
  public enum Kind {
    /** Labelled examples. */
    DATASET,
    /** A trained classifier. */
    MODEL
  }

  /** Where the entry came from. */
  public enum Origin {
    /** Ships with GradLens. */
    BUILT_IN,
    /** Produced by a training run in this session. */
    TRAINED,
    /** Opened from a file by the user. */
    OPENED
  }

  /** Validates the mandatory fields. */
  public WorkspaceEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
  }
}
