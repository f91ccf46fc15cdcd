package io.gradlens.hardening;

import org.junit.jupiter.api.function.Executable;

/** Runs test code with one {@code gradlens.limit.*} system property set, restoring it after. */
final class Settings {

    private Settings() {
    }

    /** Runs {@code body} with {@code -Dgradlens.limit.<name>=<value>} in force. */
    static void withLimit(String name, String value, Executable body) throws Throwable {
        String key = "gradlens.limit." + name;
        String old = System.setProperty(key, value);
        try {
            body.execute();
        } finally {
            if (old == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, old);
            }
        }
    }
}
