package io.gradlens.workflow.influence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A dataset file or folder is named by its content, so an edit anywhere in it changes the name (and the cache key). */
class InfluenceDatasetNameTest {

    @TempDir
    Path dir;

    @Test
    void aFileIsNamedByItsBytes() throws Exception {
        Path file = Files.writeString(dir.resolve("d.tsv"), "text\tlabel\ngood\t1\n");
        InfluenceDatasetName first = InfluenceDatasetName.file(file);
        assertTrue(first.name().startsWith("file-sha256:"), first.name());
        assertEquals(first, InfluenceDatasetName.file(Files.copy(file, dir.resolve("copy.tsv"))));
        Files.writeString(file, "text\tlabel\nbad\t0\n");
        assertNotEquals(first, InfluenceDatasetName.file(file));
    }

    @Test
    void aFolderIsNamedByEveryFileBelowIt() throws Exception {
        Path images = Files.createDirectories(dir.resolve("images/cat"));
        Files.write(images.resolve("1.png"), new byte[] {1, 2, 3});
        InfluenceDatasetName first = InfluenceDatasetName.file(dir.resolve("images"));
        Files.write(images.resolve("1.png"), new byte[] {1, 2, 4});
        InfluenceDatasetName changed = InfluenceDatasetName.file(dir.resolve("images"));
        assertNotEquals(first, changed, "a changed image in a class folder");
        Files.move(images.resolve("1.png"), Files.createDirectories(dir.resolve("images/dog")).resolve("1.png"));
        assertNotEquals(changed, InfluenceDatasetName.file(dir.resolve("images")), "a moved image changes its class");
    }
}
