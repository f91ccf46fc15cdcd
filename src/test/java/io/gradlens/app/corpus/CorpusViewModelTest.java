package io.gradlens.app.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.app.task.ImmediateTaskRunner;
import io.gradlens.workflow.corpus.CorpusHiddenState;
import io.gradlens.workflow.corpus.MergedCorpusFixtures;
import io.gradlens.workflow.shard.CorpusFixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Corpus tab's state without a scene: a merged folder opens to its result and documents with a
 * status naming the job, T and the shards; a failure clears the earlier result, says what to run and
 * reaches the error reporter once.
 */
class CorpusViewModelTest {

  @TempDir
  static Path dir;
  static Path hidden;

  @BeforeAll
  static void jobs() throws Exception {
    hidden = MergedCorpusFixtures.hiddenGrad(dir, 2);
  }

  @Test
  void opensAFolderThenAFailureClearsIt() throws Exception {
    List<String> reported = new ArrayList<>();
    CorpusViewModel model = new CorpusViewModel(new ImmediateTaskRunner(),
        (action, error) -> reported.add(action + ": " + error.getMessage()));
    model.open(hidden);
    CorpusViewModel.Opened opened = model.openedProperty().get();
    CorpusHiddenState h = assertInstanceOf(CorpusHiddenState.class, opened.results());
    assertEquals(CorpusFixtures.TEST_DOCS, opened.documents().size());
    assertTrue(opened.examples().isEmpty());
    assertEquals("hidden-grad: " + CorpusFixtures.TEST_DOCS + " documents, 2 shards, T = " + h.steps()
        + ", 2 top rows per document", model.statusProperty().get());
    assertFalse(model.loadingProperty().get());
    assertTrue(reported.isEmpty(), reported.toString());

    model.open(MergedCorpusFixtures.unmergedHiddenGrad(dir));
    assertNull(model.openedProperty().get(), "no result of the earlier folder under a failure");
    assertTrue(model.statusProperty().get().contains("run gradlens merge"), model.statusProperty().get());
    assertEquals(1, reported.size());
    assertTrue(reported.get(0).startsWith("Open corpus results: "), reported.get(0));
    assertFalse(model.loadingProperty().get());
  }
}
