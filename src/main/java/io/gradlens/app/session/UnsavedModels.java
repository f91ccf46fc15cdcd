package io.gradlens.app.session;

import io.gradlens.app.service.WorkspaceEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The models trained in this session that were not saved since (File ▸ Save model…). */
public final class UnsavedModels {

  private final Set<String> saved = new HashSet<>();

  /** Notes that the model with this workspace id was saved to a file. */
  public void markSaved(String id) {
    saved.add(id);
  }

  /** @return the trained, unsaved models among {@code entries}, in their order */
  public List<WorkspaceEntry> among(List<WorkspaceEntry> entries) {
    return entries.stream()
        .filter(e -> e.kind() == WorkspaceEntry.Kind.MODEL
            && e.origin() == WorkspaceEntry.Origin.TRAINED && !saved.contains(e.id()))
        .toList();
  }
}
