package io.gradlens.app.fakes;

import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;

import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.service.SaliencyRequest;
import io.gradlens.app.service.SaliencyResult;
import io.gradlens.app.service.TextSaliencyService;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Test double: whitespace tokens; score = token length, negated for odd positions, scaled by a
 * per-method factor and negated for target class 0. Two classes; the text's length parity
 * decides the prediction. Tokens starting with {@value #OOV_PREFIX} are out of its vocabulary.
 */
public final class FakeTextSaliencyService implements TextSaliencyService {

  /** Prefix of the tokens the fake reports as out of its vocabulary. */
  public static final String OOV_PREFIX = "zq";

  /** Class names. */
  public static final List<String> CLASSES = List.of("negative", "positive");

  private final AtomicInteger calls = new AtomicInteger();
  private final AtomicReference<SaliencyRequest> lastRequest = new AtomicReference<>();
  private final AtomicBoolean failing = new AtomicBoolean();
  private volatile long delayMillis;

  /** Makes subsequent calls fail (or succeed again). */
  public void setFailing(boolean fail) {
    failing.set(fail);
  }

  /** Adds a delay to each call (polling cancellation). */
  public void setDelayMillis(long millis) {
    delayMillis = millis;
  }

  /** @return number of calls */
  public int calls() {
    return calls.get();
  }

  /** @return the last request */
  public SaliencyRequest lastRequest() {
    return lastRequest.get();
  }

  /** @return the tokens the fake produces for {@code text} */
  public static List<String> tokenize(String text) {
    return Arrays.asList(text.strip().split("\\s+"));
  }

  /** @return the method factor used in scores */
  public static double factor(SaliencyMethod method) {
    return switch (method) {
      case GRADIENT -> 1;
      case GRADIENT_X_INPUT -> 2;
      case INTEGRATED_GRADIENTS -> 3;
      case SMOOTHGRAD -> 4;
    };
  }

  @Override
  public SaliencyResult explain(String text, SaliencyRequest request, ProgressListener progress,
      CancellationToken cancel) throws Exception {
    calls.incrementAndGet();
    lastRequest.set(request);
    long end = System.nanoTime() + delayMillis * 1_000_000;
    while (System.nanoTime() < end) {
      cancel.throwIfCancelled();
      Thread.sleep(5);
    }
    if (failing.get()) {
      throw new IllegalStateException("Fake saliency failure: gradients exploded\nsecond line");
    }
    List<String> tokens = tokenize(text);
    double[] probabilities = text.length() % 2 == 0 ? new double[] {0.3, 0.7}
        : new double[] {0.8, 0.2};
    int predicted = probabilities[1] > probabilities[0] ? 1 : 0;
    int target = request.targetClass() == null ? predicted : request.targetClass();
    double[] scores = new double[tokens.size()];
    for (int i = 0; i < scores.length; i++) {
      double s = tokens.get(i).length() * factor(request.method()) * (i % 2 == 0 ? 1 : -1);
      scores[i] = target == 0 ? -s : s;
      progress.progress(i + 1, scores.length, "token " + (i + 1));
    }
    java.util.Set<Integer> oov = new java.util.TreeSet<>();
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).startsWith(OOV_PREFIX)) {
        oov.add(i);
      }
    }
    return new SaliencyResult(tokens, scores, target, probabilities, CLASSES,
        request.method().displayName(), null, oov);
  }
}
