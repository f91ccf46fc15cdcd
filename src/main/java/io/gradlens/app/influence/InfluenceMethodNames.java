package io.gradlens.app.influence;

import io.gradlens.workflow.influence.InfluenceMethod;
import javafx.util.StringConverter;

/** The names the Influence tab shows for each {@link InfluenceMethod}. */
final class InfluenceMethodNames {

  private InfluenceMethodNames() {
  }

  /**
   * @return e.g. "Representer points" (Yeh et al. 2018), "TracIn (last layer)" (Pruthi et al.
   *     2020) or "TracIn, all layers (projected)" (with a TRAK-style projection, Park et al. 2023)
   */
  static String displayName(InfluenceMethod method) {
    return switch (method) {
      case REPRESENTER -> "Representer points";
      case TRACIN -> "TracIn (last layer)";
      case TRACIN_PROJECTED -> "TracIn, all layers (projected)";
    };
  }

  /** @return a converter for combo boxes (one way: the list holds the values) */
  static StringConverter<InfluenceMethod> converter() {
    return new StringConverter<>() {
      @Override
      public String toString(InfluenceMethod method) {
        return method == null ? "" : displayName(method);
      }

      @Override
      public InfluenceMethod fromString(String name) {
        for (InfluenceMethod m : InfluenceMethod.values()) {
          if (displayName(m).equals(name)) {
            return m;
          }
        }
        return null;
      }
    };
  }
}
