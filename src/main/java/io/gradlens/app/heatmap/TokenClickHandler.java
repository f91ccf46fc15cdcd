package io.gradlens.app.heatmap;

/** Receives clicks on a token of a {@link TokenHeatmapView}. */
@FunctionalInterface
public interface TokenClickHandler {

  /**
   * @param index position of the token
   * @param token the token text
   */
  void tokenClicked(int index, String token);
}
