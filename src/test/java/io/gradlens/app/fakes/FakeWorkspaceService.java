package io.gradlens.app.fakes;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

import io.gradlens.app.service.Example;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.app.service.WorkspaceService;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test double: one built-in dataset of six sentences and one built-in model. */
public class FakeWorkspaceService implements WorkspaceService {

  /** The built-in dataset. */
  public static final WorkspaceEntry TINY = new WorkspaceEntry("tiny", "tiny-sentiment",
      WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.BUILT_IN, null);
  /** The built-in model. */
  public static final WorkspaceEntry MODEL = new WorkspaceEntry("tiny-model", "tiny-bag",
      WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.BUILT_IN, null);

  private final List<WorkspaceEntry> entries = new CopyOnWriteArrayList<>(List.of(TINY, MODEL));
  private final List<Path> opened = new CopyOnWriteArrayList<>();
  private volatile WorkspaceEntry selectedModel;
  private volatile java.util.concurrent.CountDownLatch modelGate = new java.util.concurrent.CountDownLatch(0);

  /** Makes {@link #selectModel} wait until {@link #releaseModels} (a slow model load). */
  public void holdModels() {
    modelGate = new java.util.concurrent.CountDownLatch(1);
  }

  /** Lets held and later model loads finish. */
  public void releaseModels() {
    modelGate.countDown();
  }

  /** @return the six examples of {@link #TINY}, with predictions iff a model is selected */
  public List<Example> tinyExamples() {
    String[][] rows = {
        {"a great and moving film", "positive", "positive", "0.91"},
        {"dull , predictable plot", "negative", "negative", "0.84"},
        {"not bad at all", "positive", "negative", "0.55"},
        {"the worst acting I have seen", "negative", "negative", "0.97"},
        {"<b>bold</b> & _under_ tokens stay literal", "positive", "positive", "0.62"},
        {"fine but forgettable", "negative", "positive", "0.51"},
    };
    List<Example> list = new ArrayList<>();
    for (int i = 0; i < rows.length; i++) {
      boolean predicted = selectedModel != null;
      list.add(new Example("ex" + i, rows[i][0], rows[i][1], predicted ? rows[i][2] : null,
          predicted ? Double.parseDouble(rows[i][3]) : Double.NaN));
    }
    return list;
  }

  /** Adds an entry (e.g. a trained model). */
  public void add(WorkspaceEntry entry) {
    entries.add(entry);
  }

  /** @return files opened so far */
  public List<Path> opened() {
    return opened;
  }

  @Override
  public List<WorkspaceEntry> entries() {
    return List.copyOf(entries);
  }

  @Override
  public WorkspaceEntry openDataset(Path file, ProgressListener progress,
      CancellationToken cancel) {
    opened.add(file);
    WorkspaceEntry e = new WorkspaceEntry("file:" + file, file.getFileName().toString(),
        WorkspaceEntry.Kind.DATASET, WorkspaceEntry.Origin.OPENED, file);
    entries.add(e);
    return e;
  }

  @Override
  public WorkspaceEntry openModel(Path file, ProgressListener progress, CancellationToken cancel) {
    opened.add(file);
    WorkspaceEntry e = new WorkspaceEntry("file:" + file, file.getFileName().toString(),
        WorkspaceEntry.Kind.MODEL, WorkspaceEntry.Origin.OPENED, file);
    entries.add(e);
    selectedModel = e;
    return e;
  }

  @Override
  public void selectModel(WorkspaceEntry model, ProgressListener progress,
      CancellationToken cancel) throws InterruptedException {
    modelGate.await();
    selectedModel = model;
  }

  @Override
  public List<Example> examples(WorkspaceEntry dataset, ProgressListener progress,
      CancellationToken cancel) {
    return tinyExamples();
  }
}
