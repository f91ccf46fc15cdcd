package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.io.keras.KerasModelFiles;
import io.gradlens.io.keras.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TF.js weight shards are read only from inside the folder of {@code model.json}, links resolved. */
class ModelFolderEscapeTest {

    @TempDir
    Path dir;

    /** The committed embedding-GRU TF.js fixture with its shard reached through {@code shardPath}. */
    static Path tfjsModel(Path dir, String shardPath) throws Exception {
        Path fixture = Path.of(ModelFolderEscapeTest.class.getResource("/keras/generated/embedding_gru/model.json").toURI());
        Path model = Files.createDirectories(dir.resolve("model"));
        String json = Files.readString(fixture).replace("\"weights.bin\"", "\"" + shardPath + "\"");
        Files.writeString(model.resolve("model.json"), json);
        return model.resolve("model.json");
    }

    static Path outsideShard(Path dir) throws Exception {
        Path fixture = Path.of(ModelFolderEscapeTest.class.getResource("/keras/generated/embedding_gru/weights.bin").toURI());
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Files.copy(fixture, outside.resolve("weights.bin"));
        return outside;
    }

    @Test
    void aShardBehindALinkedFolderIsRefused() throws Exception {
        Path outside = outsideShard(dir);
        Path json = tfjsModel(dir, "link/weights.bin");
        Files.createSymbolicLink(json.resolveSibling("link"), outside);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> KerasModelFiles.read(json));
        assertEquals(json + ": shard path 'link/weights.bin' leaves the directory of model.json through a symbolic"
                + " link (to " + outside.toRealPath().resolve("weights.bin") + ")", e.getMessage());
    }

    @Test
    void aLinkedShardFileLeadingOutIsRefused() throws Exception {
        Path outside = outsideShard(dir);
        Path json = tfjsModel(dir, "weights.bin");
        Files.createSymbolicLink(json.resolveSibling("weights.bin"), outside.resolve("weights.bin"));
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> KerasModelFiles.read(json));
        assertTrue(e.getMessage().contains("leaves the directory of model.json through a symbolic link"), e.getMessage());
    }

    @Test
    void aLinkThatStaysInsideIsFollowed() throws Exception {
        Path json = tfjsModel(dir, "link/weights.bin");
        Path inside = Files.createDirectories(json.resolveSibling("real"));
        Files.copy(outsideShard(dir).resolve("weights.bin"), inside.resolve("weights.bin"));
        Files.createSymbolicLink(json.resolveSibling("link"), inside);
        assertNotNull(KerasModelFiles.read(json));
    }
}
