package io.gradlens.app.core;

import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import io.gradlens.app.service.WorkspaceEntry;
import io.gradlens.explain.Aggregation;
import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.ExplainedOutput;
import io.gradlens.explain.Gradient;
import io.gradlens.explain.GradientXInput;
import io.gradlens.explain.IntegratedGradients;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.SmoothGrad;
import io.gradlens.explain.TokenAttribution;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Saliency through {@code io.gradlens.explain}: the request's method is built from the core's
 * method classes and run on the current model (or a named one, for comparisons). Text is explained
 * token by token; for an image model the "text" is an image example's caption from the workspace
 * and the result carries the image and one score per pixel.
 */
public final class CoreSaliencyService implements TextSaliencyService {

  /** Seed of SmoothGrad's noise, so the same request gives the same picture. */
  static final long SMOOTHGRAD_SEED = 0L;

  private final CoreWorkspace workspace;

  /** @param workspace the shared state (current model, image examples) */
  public CoreSaliencyService(CoreWorkspace workspace) {
    this.workspace = workspace;
  }

  @Override
  public SaliencyResult explain(String text, SaliencyRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    return explain(workspace.currentModel(), text, request, progress, cancel);
  }

  @Override
  public SaliencyResult explainWith(WorkspaceEntry model, String text, SaliencyRequest request,
      ProgressListener progress, CancellationToken cancel) throws Exception {
    return explain(workspace.model(model.id()), text, request, progress, cancel);
  }

  private SaliencyResult explain(Classifier model, String text, SaliencyRequest request,
      ProgressListener progress, CancellationToken cancel) {
    CoreWorkspace.startNd4j();
    cancel.throwIfCancelled();
    AttributionMethod method = method(request);
    AttributionTarget target = request.targetClass() == null ? AttributionTarget.predicted()
        : AttributionTarget.of(request.targetClass());
    progress.progress(0, 1, "Computing " + request.method().displayName() + "\u2026");
    SaliencyResult result;
    if (model.isText()) {
      Attribution a = method.attribute(model, AttributionInputs.texts(model, List.of(text)), target)
          .get(0);
      TokenAttribution t = (TokenAttribution) a;
      result = new SaliencyResult(t.tokens(), t.scores(), t.target(), t.probabilities(),
          model.classNames(), request.method().displayName());
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
          new SaliencyResult.ImageInput(spec.height(), spec.width(), spec.channels(), pixels));
    } else {
      throw new IllegalArgumentException("The workbench explains text and image models; this one "
          + "reads " + model.describeInput());
    }
    cancel.throwIfCancelled();
    progress.progress(1, 1, "");
    return result;
  }

  /** The core method for a request: one class per method, configured from the request. */
  static AttributionMethod method(SaliencyRequest request) {
    Aggregation aggregation = switch (request.aggregation()) {
      case SUM -> Aggregation.SUM;
      case L2 -> Aggregation.L2;
      case ABS_SUM -> Aggregation.ABS_SUM;
    };
    ExplainedOutput output = ExplainedOutput.LOG_PROBABILITY;
    return switch (request.method()) {
      case GRADIENT -> new Gradient(aggregation, output);
      case GRADIENT_X_INPUT -> new GradientXInput(aggregation, output);
      case INTEGRATED_GRADIENTS -> new IntegratedGradients(request.steps(),
          IntegratedGradients.Rule.TRAPEZOID, IntegratedGradients.Baseline.zero(), aggregation,
          output);
      case SMOOTHGRAD -> new SmoothGrad(request.samples(), request.noise(), true, SMOOTHGRAD_SEED,
          aggregation, output);
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "\u2026";
  }
}
