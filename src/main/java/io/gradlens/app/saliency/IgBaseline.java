package io.gradlens.app.saliency;

import java.util.Locale;

/**
 * The Integrated Gradients baselines the Saliency toolbar offers (Sundararajan, Taly and Yan 2017,
 * arXiv:1703.01365: the reference input x' the path starts from), each written as the command
 * line's {@code --baseline} value.
 */
public enum IgBaseline {
  /** The zero embedding (text) or a black image: {@code zero}. */
  ZERO("Zero (embedding / black image)"),
  /** Every input element set to one number, e.g. 0.5 for a grey image. */
  CONSTANT("Constant"),
  /** Text: every token replaced by one word ({@code token:WORD}), e.g. a padding or filler word. */
  TOKEN("Token");

  private final String label;

  IgBaseline(String label) {
    this.label = label;
  }

  /** @return the label the toolbar shows */
  public String label() {
    return label;
  }

  /** @return whether this baseline needs a value (a number or a word) */
  public boolean needsValue() {
    return this != ZERO;
  }

  /**
   * The command line's {@code --baseline} value of this baseline with {@code value}.
   *
   * @param value the number (CONSTANT) or word (TOKEN); ignored for ZERO
   * @throws IllegalArgumentException when the number does not parse or is not finite, or the word
   *     is blank or contains whitespace
   */
  public String cliValue(String value) {
    String v = value == null ? "" : value.strip();
    switch (this) {
      case ZERO:
        return "zero";
      case CONSTANT:
        double d;
        try {
          d = Double.parseDouble(v);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("A constant baseline needs a number, got '" + v + "'");
        }
        if (!Double.isFinite(d)) {
          throw new IllegalArgumentException("A constant baseline must be finite, got '" + v + "'");
        }
        return Double.toString(d).toLowerCase(Locale.ROOT);
      default:
        if (v.isEmpty() || v.chars().anyMatch(Character::isWhitespace)) {
          throw new IllegalArgumentException("A token baseline needs one word, got '" + v + "'");
        }
        return "token:" + v;
    }
  }

  @Override
  public String toString() {
    return label;
  }
}
