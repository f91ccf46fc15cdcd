package io.gradlens.workflow.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.BuiltInDatasets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DatasetSource#of(String)}: a file or folder first, then a built-in name, else one message. */
class DatasetSourceTest {

    @TempDir
    Path dir;

    @Test
    void anExistingFileWinsOverTheBuiltInNames() throws Exception {
        Path file = Files.writeString(dir.resolve("tiny.csv"), "text,label\ngood,1\nbad,0\ngood,1\nbad,0\n");
        assertEquals(Optional.of(file.toAbsolutePath().normalize()), DatasetSource.of(file.toString()).file());
        TrainingData resolved = TrainingData.resolve(file.toString(), 0);
        assertEquals(resolved.source(), DatasetSource.of(file.toString()).withReading(
                java.util.Map.of("class_order", "index")), "integer labels keep their index as the class order");
        assertEquals("tiny", resolved.dataset().name());
    }

    @Test
    void aBuiltInNameIsABuiltInSource() {
        String name = BuiltInDatasets.list().get(0).name();
        assertEquals(DatasetSource.builtIn(name), DatasetSource.of(name));
    }

    @Test
    void anythingElseIsRefusedListingTheBuiltIns() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetSource.of(dir.resolve("nothing-here").toString()));
        assertTrue(e.getMessage().endsWith("nothing-here' is neither a file nor a built-in dataset; built-in: "
                + BuiltInDatasets.list().stream().map(BuiltInDatasets.Entry::name).toList()), e.getMessage());
    }
}
