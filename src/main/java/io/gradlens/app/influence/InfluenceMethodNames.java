package io.gradlens.app.influence;

import io.gradlens.workflow.influence.InfluenceMethod;
import javafx.util.StringConverter;

/** The names the Influence tab shows for each {@link InfluenceMethod}. */
final class InfluenceMethodNames {

  private InfluenceMethodNames() {
  }

  /** @return e.g. "Representer points" (Yeh et al. 2018) or "TracIn" (Pruthi et al. 2020) */
  static String displayName(InfluenceMethod method) {
    return switch (method) {
      case REPRESENTER -> "Representer points";
      case TRACIN -> "TracIn";
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
