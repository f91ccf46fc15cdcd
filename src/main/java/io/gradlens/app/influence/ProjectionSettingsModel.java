package io.gradlens.app.influence;

import io.gradlens.explain.influence.InfluenceLayers;
import io.gradlens.workflow.influence.TracInProjection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

/**
 * The Influence tab's settings of projected all-layer TracIn (Pruthi et al. 2020, projected as in
 * TRAK, Park et al. 2023): one box per kind of layer (embedding, recurrent, dense; all ticked by
 * default) and the projection dimension d; the seed is {@link TracInProjection#DEFAULT_SEED}, as on
 * the command line by default, so both front ends share the cached index.
 */
public final class ProjectionSettingsModel {

  private final BooleanProperty embedding = new SimpleBooleanProperty(this, "embedding", true);
  private final BooleanProperty recurrent = new SimpleBooleanProperty(this, "recurrent", true);
  private final BooleanProperty dense = new SimpleBooleanProperty(this, "dense", true);
  private final IntegerProperty dimension =
      new SimpleIntegerProperty(this, "dimension", TracInProjection.DEFAULT_DIMENSION);

  /** @return whether embedding weights count */
  public BooleanProperty embeddingProperty() {
    return embedding;
  }

  /** @return whether recurrent weights (LSTM, GRU, simple RNN) count */
  public BooleanProperty recurrentProperty() {
    return recurrent;
  }

  /** @return whether dense weights count */
  public BooleanProperty denseProperty() {
    return dense;
  }

  /** @return the projection dimension d */
  public IntegerProperty dimensionProperty() {
    return dimension;
  }

  /** @return every property, for listeners */
  List<Observable> observables() {
    return List.of(embedding, recurrent, dense, dimension);
  }

  /** @return the settings, or empty when no kind of layer is ticked */
  public Optional<TracInProjection> settings() {
    EnumSet<InfluenceLayers.Kind> kinds = EnumSet.noneOf(InfluenceLayers.Kind.class);
    if (embedding.get()) {
      kinds.add(InfluenceLayers.Kind.EMBEDDING);
    }
    if (recurrent.get()) {
      kinds.add(InfluenceLayers.Kind.RECURRENT);
    }
    if (dense.get()) {
      kinds.add(InfluenceLayers.Kind.DENSE);
    }
    if (kinds.isEmpty()) {
      return Optional.empty();
    }
    int d = Math.max(1, Math.min(TracInProjection.MAX_DIMENSION, dimension.get()));
    return Optional.of(new TracInProjection(new InfluenceLayers(kinds), d,
        TracInProjection.DEFAULT_SEED));
  }
}
