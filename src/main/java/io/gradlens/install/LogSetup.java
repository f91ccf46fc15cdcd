package io.gradlens.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends java.util.logging (and, through slf4j-jdk14, ND4J's and jHDF's SLF4J logging) to a rotating
 * log file, {@code gradlens-0.log} … {@code gradlens-N.log} in {@link AppDirectories#logs()}, instead
 * of the console: the CLI's output stays its own, and a bug report can attach the file.
 *
 * <p>Skipped when the JVM was given {@code -Djava.util.logging.config.file} (tests do, to keep
 * libraries quiet), so a user's own logging configuration wins.
 */
public final class LogSetup {

    /** The file-name pattern of the rotating log ({@code %g} is the generation). */
    public static final String PATTERN = "gradlens-%g.log";
    /** Bytes per log file before it rotates. */
    public static final int LIMIT_BYTES = 1 << 20;
    /** Log files kept. */
    public static final int COUNT = 5;

    private static final String FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private LogSetup() {
    }

    /**
     * Installs the rotating file handler on the root logger at {@code INFO} and removes the console
     * handler, unless the user configured logging.
     *
     * @return the log folder, or null when logging was configured elsewhere or the folder is not writable
     */
    public static Path install(Path logs) {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return null;
        }
        return attach(LogManager.getLogManager().getLogger(""), logs) ? logs : null;
    }

    /**
     * Replaces {@code logger}'s handlers by the rotating file handler in {@code logs} and sets it to
     * {@code INFO}.
     *
     * @return false, changing nothing, when the folder or file cannot be created
     */
    static boolean attach(Logger logger, Path logs) {
        if (System.getProperty(FORMAT_PROPERTY) == null) {
            System.setProperty(FORMAT_PROPERTY, "%1$tF %1$tT %4$s %3$s: %5$s%6$s%n");
        }
        Handler file;
        try {
            Files.createDirectories(logs);
            file = new FileHandler(logs.resolve(PATTERN).toString(), LIMIT_BYTES, COUNT, true);
        } catch (IOException | SecurityException e) {
            return false;
        }
        file.setFormatter(new SimpleFormatter());
        file.setLevel(Level.ALL);
        for (Handler h : logger.getHandlers()) {
            logger.removeHandler(h);
        }
        logger.addHandler(file);
        logger.setLevel(Level.INFO);
        return true;
    }
}
