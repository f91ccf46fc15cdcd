package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.io.keras.KerasModelFiles;
import io.gradlens.io.keras.KerasVocabulary;
import io.gradlens.io.keras.ModelFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keras and TF.js import refuse oversized or bomb-like files before inflating or allocating them. */
class ModelImportLimitsTest {

    @TempDir
    Path dir;

    @Test
    void aKeras3WeightsBombIsRefusedFromItsDirectory() throws Exception {
        Path keras = Corpus.zipBomb(dir.resolve("bomb.keras"), "config.json", "model.weights.h5", 64L << 20);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> KerasModelFiles.read(keras));
        assertTrue(e.getMessage().startsWith(keras + ": model.weights.h5's compression ratio (67108864 bytes from "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("(raise it with -Dgradlens.limit.zipRatio=<inflated bytes per compressed"
                + " byte>)"), e.getMessage());
    }

    @Test
    void anOversizedVocabularyIsRefusedFromItsSize() throws Throwable {
        Path words = Files.writeString(dir.resolve("words.txt"), "good\nbad\nfilm\n");
        Settings.withLimit("vocabularyBytes", "8", () -> assertEquals(words + ": a vocabulary file of 14 bytes exceeds"
                + " the limit of 8 bytes (raise it with -Dgradlens.limit.vocabularyBytes=<bytes>)",
                assertThrows(ModelFormatException.class, () -> KerasVocabulary.read(words, 10)).getMessage()));
    }
}
