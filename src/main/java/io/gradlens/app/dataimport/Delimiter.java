package io.gradlens.app.dataimport;

/** The field delimiters the import dialog offers for CSV and TSV files, with their labels. */
public enum Delimiter {
  /** {@code ,} */
  COMMA(',', "Comma ( , )"),
  /** {@code ;} */
  SEMICOLON(';', "Semicolon ( ; )"),
  /** A tab character. */
  TAB('\t', "Tab"),
  /** {@code |} */
  BAR('|', "Vertical bar ( | )");

  private final char character;
  private final String label;

  Delimiter(char character, String label) {
    this.character = character;
    this.label = label;
  }

  /** @return the character that separates fields */
  public char character() {
    return character;
  }

  /** @return a human-readable name for the chooser */
  public String label() {
    return label;
  }

  /** @return the delimiter of this character, or {@code null} when none is offered for it */
  public static Delimiter of(char c) {
    for (Delimiter d : values()) {
      if (d.character == c) {
        return d;
      }
    }
    return null;
  }
}
