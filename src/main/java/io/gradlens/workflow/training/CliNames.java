package io.gradlens.workflow.training;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/** Looks up an enum constant by its command-line name, case-insensitively. */
final class CliNames {

    private CliNames() {
    }

    static <E extends Enum<E>> Optional<E> find(E[] values, Function<E, String> cliName, String wanted) {
        String lower = wanted.toLowerCase(Locale.ROOT);
        for (E e : values) {
            if (cliName.apply(e).equals(lower)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
