package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomly corrupted model files (seeded, a few bytes overwritten) either still read or fail with
 * {@link ModelFormatException}; no other exception escapes and nothing hangs.
 */
class CorruptionFuzzTest {

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"real/lstm_functional_tf_keras_2.h5", "real/bidirectional_simplernn_rnn_1.h5",
        "generated/conv1d_functional/model.keras", "generated/embedding_gru_reset_after/model_keras3_legacy.h5"})
    void corruptedFilesFailCleanly(String resource) throws IOException {
        byte[] original = Files.readAllBytes(Fixtures.resource(resource));
        String name = Path.of(resource).getFileName().toString();
        Random random = new Random(resource.hashCode());
        int refused = 0;
        for (int i = 0; i < 25; i++) {
            byte[] bytes = original.clone();
            int edits = 1 + random.nextInt(8);
            for (int j = 0; j < edits; j++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            final int attempt = i;
            Path f = tmp.resolve(i + "-" + name);
            Files.write(f, bytes);
            boolean failed = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                try {
                    KerasModelFiles.read(f);
                    return false;
                } catch (ModelFormatException e) {
                    assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
                    return true;
                } catch (RuntimeException | Error e) {
                    fail("corruption " + attempt + " of " + resource + " escaped as " + e, e);
                    return true;
                }
            });
            refused += failed ? 1 : 0;
        }
        assertTrue(refused > 0, "no corruption of " + resource + " was detected at all");
    }
}
