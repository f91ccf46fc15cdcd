package io.gradlens.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSetupTest {

    @Test
    void aLoggerWritesToTheRotatingFileInsteadOfItsOldHandlers(@TempDir Path tmp) throws Exception {
        Logger logger = Logger.getAnonymousLogger();
        logger.setUseParentHandlers(false);
        logger.addHandler(new java.util.logging.ConsoleHandler());
        Path logs = tmp.resolve("cache/gradlens/logs");
        assertTrue(LogSetup.attach(logger, logs));
        assertEquals(1, logger.getHandlers().length);
        logger.warning("a library warning");
        logger.fine("below INFO, dropped");
        for (Handler h : logger.getHandlers()) {
            h.close();
        }
        String text = Files.readString(logs.resolve("gradlens-0.log"));
        assertTrue(text.contains("WARNING") && text.contains("a library warning"), text);
        assertFalse(text.contains("dropped"), text);
    }

    @Test
    void aFolderThatCannotBeCreatedChangesNothing(@TempDir Path tmp) throws Exception {
        Path blocker = Files.writeString(tmp.resolve("file"), "not a folder");
        Logger logger = Logger.getAnonymousLogger();
        assertFalse(LogSetup.attach(logger, blocker.resolve("logs")));
        assertEquals(0, logger.getHandlers().length);
    }

    @Test
    void aUsersOwnLoggingConfigurationWins() {
        // the test JVMs run with -Djava.util.logging.config.file (pom.xml's test.jvm.flags)
        assertNull(LogSetup.install(Path.of("unused")));
    }
}
