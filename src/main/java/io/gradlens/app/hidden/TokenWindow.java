package io.gradlens.app.hidden;

/**
 * The part of a long document the token strip shows: all tokens when there are at most
 * {@code max}, otherwise {@code max} tokens ending a little after the selected step t (h_t of a
 * recurrent layer depends on x_0..x_t), or the first {@code max} when no step is selected. A
 * strip of thousands of labels would block the FX thread for seconds.
 *
 * @param start first shown token
 * @param end one past the last shown token
 */
public record TokenWindow(int start, int end) {

  /** Tokens shown after the selected step, for context. */
  static final int AFTER = 20;

  /**
   * @param steps T
   * @param row the selected step, or −1
   * @param max most tokens shown (≥ 1)
   */
  public static TokenWindow of(int steps, int row, int max) {
    if (steps <= max) {
      return new TokenWindow(0, steps);
    }
    int end = row < 0 ? max : Math.min(steps, Math.max(max, row + 1 + AFTER));
    return new TokenWindow(end - max, end);
  }

  /** @return whether step s is shown */
  public boolean contains(int s) {
    return s >= start && s < end;
  }
}
