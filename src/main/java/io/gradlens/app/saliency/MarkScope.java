package io.gradlens.app.saliency;

/** Where a "must not matter" mark applies. */
public enum MarkScope {
  /** Only the example being explained (one text's token positions, or one image's pixels). */
  THIS_EXAMPLE("This example only"),
  /**
   * Everywhere: the clicked word in every text of both splits, or the painted pixels in every
   * image. The useful default for a shortcut word such as a planted decoy token.
   */
  EVERYWHERE("Everywhere");

  private final String displayName;

  MarkScope(String displayName) {
    this.displayName = displayName;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
