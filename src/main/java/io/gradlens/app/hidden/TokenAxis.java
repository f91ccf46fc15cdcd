package io.gradlens.app.hidden;

import java.util.List;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.data.Range;

/**
 * A timestep axis over the cells 0..T−1 (centred on integers): every range it is given (wheel
 * zoom, drag zoom, pan, zoom out) is clamped to the data, [−0.5, T − 0.5], and at least one cell
 * wide, so no step below 0 or at T or beyond is ever shown. While at most {@value #MAX_LABELLED}
 * steps are visible it labels every integer tick with its token; otherwise it shows indices.
 */
final class TokenAxis extends NumberAxis {

  private static final long serialVersionUID = 1L;

  /** At most this many visible steps are labelled with their tokens. */
  static final int MAX_LABELLED = 40;
  /** Longer token labels are cut to this many characters and an ellipsis. */
  static final int LABEL_CHARS = 14;

  private final boolean verticalWhenLabelled;
  private final TickUnitSource indexTicks = NumberAxis.createIntegerTickUnits();
  private List<String> tokens = List.of();
  private Range bounds;
  private boolean labelled;

  /**
   * @param label axis label
   * @param verticalWhenLabelled whether token labels are drawn vertically (a horizontal axis)
   */
  TokenAxis(String label, boolean verticalWhenLabelled) {
    super(label);
    this.verticalWhenLabelled = verticalWhenLabelled;
    setStandardTickUnits(indexTicks);
  }

  /**
   * Shows these tokens (their labels, e.g. marked when out of vocabulary) and bounds the axis to
   * their steps; an empty list removes the bounds and the labels.
   */
  void setTokens(List<String> labels) {
    setTokens(labels, labels.size());
  }

  /**
   * Shows these tokens and bounds the axis to {@code steps} ≥ their number of steps (a longer
   * dataset curve beside the text's); 0 steps removes the bounds.
   */
  void setTokens(List<String> labels, int steps) {
    if (steps < labels.size()) {
      throw new IllegalArgumentException(labels.size() + " labels for " + steps + " steps");
    }
    tokens = List.copyOf(labels);
    bounds = steps == 0 ? null : new Range(-0.5, steps - 0.5);
    if (bounds != null) {
      setDefaultAutoRange(bounds);
    }
    chooseTicks();
  }

  /** @return the range the axis is clamped to, null when unbounded */
  Range bounds() {
    return bounds;
  }

  /** @return whether the ticks show tokens (else indices) */
  boolean showsTokens() {
    return labelled;
  }

  /** @return the tick label of step {@code t} while tokens are shown */
  String tokenLabel(int t) {
    String s = tokens.get(t);
    return s.length() <= LABEL_CHARS ? s : s.substring(0, LABEL_CHARS) + "\u2026";
  }

  @Override
  public void setRange(Range range, boolean turnOffAutoRange, boolean notify) {
    super.setRange(clamp(range), turnOffAutoRange, notify);
    chooseTicks();
  }

  /** @return {@code range} moved and shrunk into the bounds, at least one step wide */
  Range clamp(Range range) {
    if (bounds == null) {
      return range;
    }
    double full = bounds.getLength();
    double length = Math.max(Math.min(range.getLength(), full), Math.min(1, full));
    if (!Double.isFinite(length) || length >= full) {
      return bounds;
    }
    double centre = Double.isFinite(range.getCentralValue()) ? range.getCentralValue()
        : bounds.getCentralValue();
    double lower = Math.max(bounds.getLowerBound(),
        Math.min(centre - length / 2, bounds.getUpperBound() - length));
    return new Range(lower, lower + length);
  }

  private void chooseTicks() {
    if (tokens == null) {
      return; // called by the superclass constructor, before this class' fields exist
    }
    boolean few = !tokens.isEmpty() && getRange().getLength() <= MAX_LABELLED + 1;
    if (few) {
      setTickUnit(new NumberTickUnit(1, new TokenFormat()), false, true);
    } else if (labelled) {
      setAutoTickUnitSelection(true, false);
    }
    if (few != labelled) {
      labelled = few;
      if (verticalWhenLabelled) {
        setVerticalTickLabels(few);
      }
    }
  }

  /** Formats an integer tick t as its token, other ticks as nothing. */
  private final class TokenFormat extends TickLabelFormat {

    private static final long serialVersionUID = 1L;

    @Override
    String label(double v) {
      long t = Math.round(v);
      return Math.abs(v - t) < 1e-6 && t >= 0 && t < tokens.size() ? tokenLabel((int) t) : "";
    }
  }
}
