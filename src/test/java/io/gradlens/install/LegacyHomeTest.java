package io.gradlens.install;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LegacyHomeTest {

    @Test
    void movesTheOldFolderWithItsFilesOnce(@TempDir Path home) throws Exception {
        Path legacy = home.resolve(".gradlens");
        Files.createDirectories(legacy.resolve("edits"));
        Files.writeString(legacy.resolve("settings.json"), "{\"recent\":[]}");
        Files.writeString(legacy.resolve("edits/sentences.edits.json"), "[]");
        Path config = home.resolve(".config/gradlens");

        assertEquals(Optional.of(config), LegacyHome.migrate(legacy, config));
        assertFalse(Files.exists(legacy));
        assertEquals("{\"recent\":[]}", Files.readString(config.resolve("settings.json")));
        assertTrue(Files.isRegularFile(config.resolve("edits/sentences.edits.json")));
        assertEquals(Optional.empty(), LegacyHome.migrate(legacy, config), "second start: nothing to move");
    }

    @Test
    void neverOverwritesAnExistingConfigFolder(@TempDir Path home) throws Exception {
        Path legacy = Files.createDirectories(home.resolve(".gradlens"));
        Files.writeString(legacy.resolve("settings.json"), "old");
        Path config = Files.createDirectories(home.resolve(".config/gradlens"));
        Files.writeString(config.resolve("settings.json"), "new");

        assertEquals(Optional.empty(), LegacyHome.migrate(legacy, config));
        assertEquals("new", Files.readString(config.resolve("settings.json")));
        assertEquals("old", Files.readString(legacy.resolve("settings.json")));
    }
}
