package io.gradlens.app.session;

import io.gradlens.app.saliency.SaliencyViewModel;
import io.gradlens.app.service.SaliencyMethod;
import io.gradlens.app.settings.SessionState.SaliencySettings;
import io.gradlens.explain.Aggregation;
import java.util.logging.Logger;

/**
 * Reads the Saliency toolbar's method settings from its view model's properties and puts saved
 * ones back. A saved value that no longer makes sense (an unknown method, a step count out of
 * range) is skipped with a log line, so a stale file never breaks the start.
 */
public final class SaliencySession {

  private static final Logger LOG = Logger.getLogger(SaliencySession.class.getName());
  /** The largest step or sample count restored (more is surely a damaged file). */
  static final int MAX_COUNT = 10_000;

  private SaliencySession() {
  }

  /** @return the view model's current settings */
  public static SaliencySettings read(SaliencyViewModel model) {
    return new SaliencySettings(model.methodProperty().get().name(),
        model.aggregationProperty().get().name(), model.stepsProperty().get(),
        model.samplesProperty().get(), model.noiseProperty().get(),
        model.normalizeProperty().get());
  }

  /** Puts the sensible parts of {@code saved} (may be {@code null}) into the view model. */
  public static void apply(SaliencySettings saved, SaliencyViewModel model) {
    if (saved == null) {
      return;
    }
    enumValue(SaliencyMethod.class, saved.method(), model.methodProperty());
    enumValue(Aggregation.class, saved.aggregation(), model.aggregationProperty());
    if (saved.steps() != null && saved.steps() >= 1 && saved.steps() <= MAX_COUNT) {
      model.stepsProperty().set(saved.steps());
    }
    if (saved.samples() != null && saved.samples() >= 1 && saved.samples() <= MAX_COUNT) {
      model.samplesProperty().set(saved.samples());
    }
    if (saved.noise() != null && Double.isFinite(saved.noise()) && saved.noise() >= 0) {
      model.noiseProperty().set(saved.noise());
    }
    if (saved.normalize() != null) {
      model.normalizeProperty().set(saved.normalize());
    }
  }

  private static <E extends Enum<E>> void enumValue(Class<E> type, String name,
      javafx.beans.property.ObjectProperty<E> target) {
    if (name == null) {
      return;
    }
    try {
      target.set(Enum.valueOf(type, name));
    } catch (IllegalArgumentException e) {
      LOG.info(() -> "Ignoring the saved " + type.getSimpleName() + " " + name);
    }
  }
}
