package io.gradlens.app.hidden;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * A tick-label format of a chart axis: it only formats doubles ({@link #label}); whole numbers
 * format as doubles, and labels are never parsed back.
 */
abstract class TickLabelFormat extends NumberFormat {

  private static final long serialVersionUID = 1L;

  /** @return the label of the tick at axis value {@code v} */
  abstract String label(double v);

  @Override
  public final StringBuffer format(double v, StringBuffer to, FieldPosition pos) {
    return to.append(label(v));
  }

  @Override
  public final StringBuffer format(long v, StringBuffer to, FieldPosition pos) {
    return to.append(label(v));
  }

  @Override
  public final Number parse(String source, ParsePosition pos) {
    throw new UnsupportedOperationException("a tick label is not parsed");
  }
}
