package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyTest {

    private static final List<List<String>> TEXTS = List.of(
            List.of("b", "a", "c", "a"), List.of("a", "b", "d"), List.of("c", "e", "b"));

    @Test
    void ordersByCountThenTokenAndReservesPadAndOov() {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 1, 100);
        assertEquals(List.of("<pad>", "<oov>", "a", "b", "c", "d", "e"), vocabulary.tokens());
        assertEquals(Vocabulary.PAD, vocabulary.id("<pad>"));
        assertEquals(Vocabulary.OOV, vocabulary.id("zebra"));
        assertArrayEquals(new int[] {2, 1, 4}, vocabulary.encode(List.of("a", "zebra", "c")));
        assertEquals("d", vocabulary.token(5));
    }

    @Test
    void appliesMinCountAndMaxSize() {
        assertEquals(List.of("<pad>", "<oov>", "a", "b", "c"), Vocabulary.build(TEXTS, 2, 100).tokens());
        assertEquals(List.of("<pad>", "<oov>", "a", "b"), Vocabulary.build(TEXTS, 1, 4).tokens());
        assertEquals(2, Vocabulary.build(TEXTS, 9, 100).size());
    }

    @Test
    void savesAndLoadsOneTokenPerLine(@TempDir Path dir) throws IOException {
        Vocabulary vocabulary = Vocabulary.build(TEXTS, 1, 100);
        Path file = dir.resolve("vocab.txt");
        vocabulary.save(file);
        assertEquals("<pad>", Files.readAllLines(file).get(0));
        assertEquals(vocabulary.tokens(), Vocabulary.load(file).tokens());
    }

    @Test
    void rejectsFilesWithoutPadOrWithRepeats(@TempDir Path dir) throws IOException {
        Path noPad = Files.writeString(dir.resolve("nopad.txt"), "a\nb\n");
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Vocabulary.load(noPad));
        assertEquals("nopad.txt line 1: a vocabulary starts with <pad> and <oov>", e.getMessage());
        Path repeat = Files.writeString(dir.resolve("repeat.txt"), "<pad>\n<oov>\nx\ny\nx\n");
        e = assertThrows(DatasetFormatException.class, () -> Vocabulary.load(repeat));
        assertEquals("repeat.txt line 5: token \"x\" already on line 3", e.getMessage());
        assertTrue(e.line() == 5);
    }
}
