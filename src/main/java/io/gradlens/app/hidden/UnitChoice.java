package io.gradlens.app.hidden;

import io.gradlens.explain.HiddenUnitSelection;

/** What the Hidden state tab follows: the mean over units, chosen units, or the top k of the text. */
public enum UnitChoice {
  /** The mean over units (one curve, the mean's map). */
  MEAN("Mean over units", null),
  /** Units typed by index. */
  CHOSEN("Chosen units", null),
  /** The k units of largest mean |h_t,u|. */
  TOP_ACTIVATION("Top k units by activation", HiddenUnitSelection.Ranking.ACTIVATION),
  /** The k units whose last hidden state has the largest input gradient. */
  TOP_GRADIENT("Top k units by gradient", HiddenUnitSelection.Ranking.GRADIENT);

  private final String label;
  private final HiddenUnitSelection.Ranking ranking;

  UnitChoice(String label, HiddenUnitSelection.Ranking ranking) {
    this.label = label;
    this.ranking = ranking;
  }

  /** @return the ranking of a top-k choice, null otherwise */
  HiddenUnitSelection.Ranking ranking() {
    return ranking;
  }

  @Override
  public String toString() {
    return label;
  }
}
