package io.gradlens.install;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every entry point (CLI, workbench) does first: move the old {@code ~/.gradlens} into the XDG
 * config folder once, then log to the rotating file. Idempotent.
 */
public final class Startup {

    private static final Logger LOG = Logger.getLogger(Startup.class.getName());
    private static volatile AppDirectories done;

    private Startup() {
    }

    /** Runs once per JVM; returns the folders in use. */
    public static synchronized AppDirectories initialise() {
        if (done != null) {
            return done;
        }
        AppDirectories dirs = AppDirectories.current();
        IOException moveFailure = null;
        Path moved = null;
        if (System.getProperty(AppDirectories.CONFIG_PROPERTY) == null) {
            Path legacy = dirs.home().resolve(LegacyHome.LEGACY_NAME);
            try {
                moved = LegacyHome.migrate(legacy, dirs.config()).orElse(null);
            } catch (IOException e) {
                moveFailure = e;
            }
        }
        LogSetup.install(dirs.logs());
        LOG.info(() -> "GradLens starting; folders " + dirs.toMap());
        if (moved != null) {
            LOG.info("moved ~/" + LegacyHome.LEGACY_NAME + " to " + moved);
        }
        if (moveFailure != null) {
            LOG.log(Level.WARNING, "could not move ~/" + LegacyHome.LEGACY_NAME + " to " + dirs.config(), moveFailure);
        }
        done = dirs;
        return dirs;
    }
}
