package io.gradlens.data.edits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetFormatException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetEditFileTest {

    @TempDir
    Path dir;

    private static final ExampleRef REF = new ExampleRef(Split.TRAIN, 12, 0x9f3a2c1bL);

    @Test
    void everyKindOfEditSurvivesARoundTrip() throws Exception {
        DatasetEdits edits = DatasetEdits.of(List.of(
                new DatasetEdit.Relabel(REF, 1),
                new DatasetEdit.Exclude(new ExampleRef(Split.TEST, 0, 0xffffffffL)),
                new DatasetEdit.MaskTokens(REF, new int[] {5, 0, 4, 4}),
                new DatasetEdit.MaskWord("brilliant"),
                new DatasetEdit.MaskPixels(REF, new int[] {0, 1, 2, 3, 28, 29, 30, 31, 40}),
                new DatasetEdit.MaskPixels(null, new int[] {783})));
        Path file = DatasetEditFile.besideDataset(dir.resolve("reviews.csv"));
        assertEquals("reviews.csv.gradlens-edits.tsv", file.getFileName().toString());
        DatasetEditFile.write(file, edits);
        assertEquals(edits, DatasetEditFile.read(file));
        List<String> lines = Files.readAllLines(file);
        assertEquals(DatasetEditFile.HEADER, lines.get(0));
        assertEquals("mask-tokens\ttrain\t12\t9f3a2c1b\t0,4-5", lines.get(3));
        assertEquals("mask-pixels\ttrain\t12\t9f3a2c1b\t0-3,28-31,40", lines.get(5));
        assertEquals("mask-pixels\tall\t783", lines.get(6));
    }

    @Test
    void aMissingFileIsNoEditsAndAnEmptyListDeletesTheFile() throws Exception {
        Path file = dir.resolve("x" + DatasetEditFile.SUFFIX);
        assertTrue(DatasetEditFile.read(file).isEmpty());
        DatasetEditFile.write(file, DatasetEdits.of(List.of(new DatasetEdit.MaskWord("a"))));
        assertTrue(Files.exists(file));
        DatasetEditFile.write(file, DatasetEdits.none());
        assertFalse(Files.exists(file));
    }

    @Test
    void brokenLinesAreReportedWithFileAndLine() throws Exception {
        Path file = dir.resolve("bad.tsv");
        for (String[] bad : new String[][] {
                {"relabel\ttrain\t1\tzz\t1", "not a number"},
                {"relabel\ttrain\t1\tab", "takes 5"},
                {"flip\ttrain\t1", "unknown edit \"flip\""},
                {"exclude\tvalid\t1\tab", "neither train nor test"},
                {"mask-tokens\ttrain\t1\tab\t4-2", "not ascending"},
                {"mask-word\ttwo words", "not a single token"}}) {
            Files.writeString(file, DatasetEditFile.HEADER + "\n# comment\n" + bad[0] + "\n", StandardCharsets.UTF_8);
            DatasetFormatException ex = assertThrows(DatasetFormatException.class, () -> DatasetEditFile.read(file));
            assertTrue(ex.getMessage().contains("line 3"), ex.getMessage());
            assertTrue(ex.getMessage().contains(bad[1]), bad[0] + " → " + ex.getMessage());
        }
        Files.writeString(file, "relabel\ttrain\t1\tab\t1\n");
        assertThrows(DatasetFormatException.class, () -> DatasetEditFile.read(file));
    }

    @Test
    void builtInNamesMustBePlain() {
        assertEquals("sentences.gradlens-edits.tsv", DatasetEditFile.forBuiltIn(dir, "sentences").getFileName().toString());
        assertThrows(IllegalArgumentException.class, () -> DatasetEditFile.forBuiltIn(dir, "../etc"));
    }

    @Test
    void theJournalSavesEveryStepAndUndoSurvivesARestart() throws Exception {
        Path file = dir.resolve("d" + DatasetEditFile.SUFFIX);
        EditJournal journal = EditJournal.open(file);
        DatasetEdit first = new DatasetEdit.Exclude(REF);
        DatasetEdit second = new DatasetEdit.Relabel(REF, 0);
        journal.add(first);
        journal.add(second);
        EditJournal reopened = EditJournal.open(file);
        assertEquals(List.of(first, second), reopened.edits().edits());
        assertEquals(second, reopened.undo().orElseThrow());
        assertEquals(List.of(first), EditJournal.open(file).edits().edits());
        assertTrue(reopened.canRedo());
        assertEquals(second, reopened.redo().orElseThrow());
        assertEquals(List.of(first, second), EditJournal.open(file).edits().edits());
        reopened.undo();
        reopened.undo();
        assertFalse(reopened.canUndo());
        assertFalse(Files.exists(file));
        assertTrue(reopened.undo().isEmpty());
    }

    @Test
    void aFailedSaveChangesNothing() throws Exception {
        Path blocker = dir.resolve("blocker");
        EditJournal journal = EditJournal.open(blocker.resolve("d.tsv"));
        Files.writeString(blocker, "a file where the journal's directory should be");
        assertThrows(java.io.IOException.class, () -> journal.add(new DatasetEdit.Exclude(REF)));
        assertTrue(journal.edits().isEmpty());
    }
}
