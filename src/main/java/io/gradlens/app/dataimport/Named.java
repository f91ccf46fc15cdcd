package io.gradlens.app.dataimport;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Shows the choices of the dialog's (non-editable) combo boxes by a human-readable name. */
final class Named {

  private Named() {
  }

  /** @return a converter showing each value as {@code name} gives it (nothing for null) */
  static <T> StringConverter<T> by(Function<T, String> name) {
    return new StringConverter<>() {
      @Override
      public String toString(T value) {
        return value == null ? "" : name.apply(value);
      }

      @Override
      public T fromString(String text) {
        throw new UnsupportedOperationException("the chooser is not editable");
      }
    };
  }
}
