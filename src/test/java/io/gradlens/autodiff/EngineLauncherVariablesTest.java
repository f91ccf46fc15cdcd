package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the engine reports about the settings only a launcher can make, and that the launcher makes them. */
class EngineLauncherVariablesTest {

    @Test
    void describeReportsEachLauncherVariableAsTheProcessSeesIt() {
        Engine.configure();
        Map<String, Object> d = Engine.describe();
        for (String v : Engine.LAUNCHER_VARIABLES) {
            String seen = System.getenv(v);
            assertEquals(seen == null ? "unset" : seen, d.get(v.toLowerCase(Locale.ROOT)), v);
        }
        assertThrows(IllegalArgumentException.class, () -> Engine.configure(0));
    }

    /** The idle-spin settings of Engine's class comment must be exported by bin/gradlens, overridable. */
    @Test
    void theLauncherSetsTheIdleSpinVariablesUnlessAlreadySet() throws IOException {
        String launcher = Files.readString(Path.of("bin/gradlens"));
        assertTrue(launcher.contains("export OMP_WAIT_POLICY=\"${OMP_WAIT_POLICY:-passive}\""), "OMP_WAIT_POLICY");
        assertTrue(launcher.contains("export OPENBLAS_THREAD_TIMEOUT=\"${OPENBLAS_THREAD_TIMEOUT:-4}\""),
                "OPENBLAS_THREAD_TIMEOUT");
    }
}
