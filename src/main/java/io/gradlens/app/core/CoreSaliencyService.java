package io.gradlens.app.core;

import io.gradlens.app.service.SaliencyMarkedRelevance;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import io.gradlens.export.AttributionFormat;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.evaluation.MarkedRelevance;
import io.gradlens.workflow.explain.AttributionExport;
import io.gradlens.workflow.explain.DatasetAttribution;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.ModelDatasetFit;
import io.gradlens.workflow.explain.SelectedExamples;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Saliency through the core: the request's method is built by the method registry and run on the
 * current model (or a named one, for comparisons). Text is explained token by token; for an image
 * model the "text" is an image example's caption from the workspace and the result carries the
 * image and one score per pixel. The dataset export is the command line's
 * ({@link AttributionExport}).
 */
public final class CoreSaliencyService implements TextSaliencyService {

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (current model, image examples) */
  public CoreSaliencyService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public SaliencyResult explain(String text, SaliencyRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    Classifier model = workspace.currentModel();
    workspace.requireFitWithShownDataset(model);
    return explain(model, text, request, progress, cancel);
  }

  @Override
  public SaliencyResult explainWith(WorkspaceEntry model, String text, SaliencyRequest request,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    Classifier other = workspace.model(model.id());
    workspace.requireFitWithShownDataset(other);
    return explain(other, text, request, progress, cancel);
  }

  @Override
  public int exportDataset(WorkspaceEntry dataset, SaliencyRequest request, Path target,
      ProgressListener progress, CancellationToken cancel) throws IOException {
    AttributionFormat format = AttributionFormat.of(target).orElseThrow(() ->
        new IllegalArgumentException("Export to .jsonl, .csv or .html, not " + target.getFileName()));
    CoreWorkspace.startNd4j();
    Classifier model = workspace.currentModel();
    WorkspaceEntry entry = workspace.currentModelEntry().orElseThrow();
    String modelName = entry.source() != null ? String.valueOf(entry.source().getFileName())
        : entry.name();
    progress.progress(0, 0, "Loading " + dataset.name() + "\u2026");
    workspace.requireFit(model, workspace.dataset(dataset.id()));
    SelectedExamples examples = ExampleSelection.split(model,
        workspace.editedDataset(dataset.id()), Split.TEST, 0);
    return new AttributionExport(model, modelName, request.configured(), target(request),
        DatasetAttribution.DEFAULT_BATCH_SIZE).toFile(examples, format, target, progress, cancel);
  }

  /**
   * Loads each candidate and keeps those {@link ModelDatasetFit#fits} on the dataset with its
   * edits; a model of another kind (not a classifier) or one whose file cannot be read is left out.
   */
  @Override
  public List<WorkspaceEntry> modelsFitting(List<WorkspaceEntry> candidates,
      WorkspaceEntry dataset, ProgressListener progress, CancellationToken cancel)
      throws IOException {
    CoreWorkspace.startNd4j();
    io.gradlens.data.Dataset data = workspace.dataset(dataset.id());
    List<WorkspaceEntry> fitting = new ArrayList<>();
    for (WorkspaceEntry candidate : candidates) {
      cancel.throwIfCancelled();
      Classifier model;
      try {
        model = workspace.model(candidate.id());
      } catch (IOException | RuntimeException e) {
        continue; // not a classifier, or unreadable: nothing to compare
      }
      if (ModelDatasetFit.fits(model, data)) {
        fitting.add(candidate);
      }
    }
    return fitting;
  }

  /** Both means through {@link MarkedRelevance#onTestSplit}, on the dataset with its edits. */
  @Override
  public SaliencyMarkedRelevance markedRelevance(WorkspaceEntry other, WorkspaceEntry dataset,
      SaliencyRequest request, ProgressListener progress, CancellationToken cancel)
      throws IOException {
    CoreWorkspace.startNd4j();
    io.gradlens.data.Dataset data = workspace.dataset(dataset.id());
    Classifier current = workspace.currentModel();
    Classifier compared = workspace.model(other.id());
    MarkedRelevance.Mean now = MarkedRelevance.onTestSplit(current, data,
        request.configured().build(current), target(request), DatasetAttribution.DEFAULT_BATCH_SIZE,
        progress, cancel);
    MarkedRelevance.Mean then = MarkedRelevance.onTestSplit(compared, data,
        request.configured().build(compared), target(request),
        DatasetAttribution.DEFAULT_BATCH_SIZE, progress, cancel);
    return new SaliencyMarkedRelevance(now.mean(), then.mean(), now.examples());
  }

  private SaliencyResult explain(Classifier model, String text, SaliencyRequest request,
      ProgressListener progress, CancellationToken cancel) {
    CoreWorkspace.startNd4j();
    cancel.throwIfCancelled();
    AttributionMethod method = request.configured().build(model);
    AttributionTarget target = target(request);
    progress.progress(0, 1, "Computing " + request.method().displayName() + "\u2026");
    SaliencyResult result;
    if (model.isText()) {
      Attribution a = method.attribute(model, AttributionInputs.texts(model, List.of(text)), target)
          .get(0);
      TokenAttribution t = (TokenAttribution) a;
      result = new SaliencyResult(t.tokens(), t.scores(), t.target(), t.probabilities(),
          model.classNames(), request.method().displayName(), null,
          outOfVocabulary(model, t.tokens()), t.diagnostics());
    } else if (model.input() instanceof InputSpec.Image spec) {
      float[] pixels = workspace.imageByCaption(text).orElseThrow(() -> new IllegalArgumentException(
          "The current model reads " + model.describeInput() + "; select an image example (\u201c"
              + abbreviate(text) + "\u201d is text)"));
      if (pixels.length != spec.size()) {
        throw new ModelMismatchException("The current model reads " + model.describeInput()
            + " but the example has " + pixels.length + " values");
      }
      PixelAttribution p = (PixelAttribution) method.attribute(model,
          AttributionInputs.images(model, List.of(pixels)), target).get(0);
      List<String> names = new ArrayList<>(p.height() * p.width());
      for (int y = 0; y < p.height(); y++) {
        for (int x = 0; x < p.width(); x++) {
          names.add("(" + y + "," + x + ")");
        }
      }
      result = new SaliencyResult(names, p.scores(), p.target(), p.probabilities(),
          model.classNames(), request.method().displayName(),
          new SaliencyResult.ImageInput(spec.height(), spec.width(), spec.channels(), pixels),
          java.util.Set.of(), p.diagnostics());
    } else {
      throw new IllegalArgumentException("The workbench explains text and image models; this one "
          + "reads " + model.describeInput());
    }
    cancel.throwIfCancelled();
    progress.progress(1, 1, "");
    return result;
  }

  /** @return positions of {@code tokens} the model's vocabulary maps to its OOV id */
  static java.util.Set<Integer> outOfVocabulary(Classifier model, List<String> tokens) {
    java.util.Set<Integer> oov = new java.util.TreeSet<>();
    if (model.input() instanceof InputSpec.Tokens spec) {
      for (int i = 0; i < tokens.size(); i++) {
        if (spec.vocabulary().id(tokens.get(i)) == io.gradlens.data.Vocabulary.OOV) {
          oov.add(i);
        }
      }
    }
    return oov;
  }

  private static AttributionTarget target(SaliencyRequest request) {
    return request.targetClass() == null ? AttributionTarget.predicted()
        : AttributionTarget.of(request.targetClass());
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
  }
}
