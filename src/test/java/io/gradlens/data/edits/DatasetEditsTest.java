package io.gradlens.data.edits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.DatasetInfo;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import java.util.List;
import org.junit.jupiter.api.Test;

class DatasetEditsTest {

    private static final DatasetInfo INFO = new DatasetInfo("test", "none", "", "edits");

    private static TextDataset texts() {
        return new TextDataset("t", List.of("neg", "pos"),
                List.of(new TextExample("a good film", 1, null), new TextExample("a bad film", 0, null),
                        new TextExample("good good bad", 1, null)),
                List.of(new TextExample("good", 1, null)), INFO);
    }

    private static ExampleRef train(TextDataset d, int i) {
        return new ExampleRef(Split.TRAIN, i, ExampleFingerprint.of(d.train().get(i)));
    }

    @Test
    void noEditsLeaveTheDatasetAsItWas() {
        TextDataset d = texts();
        EditedDataset e = DatasetEdits.none().apply(d);
        assertEquals(d, e.dataset());
        assertArrayEquals(new int[] {0, 1, 2}, e.trainOrigin());
    }

    @Test
    void relabelExcludeAndTheOriginMap() {
        TextDataset d = texts();
        DatasetEdits edits = DatasetEdits.none()
                .with(new DatasetEdit.Relabel(train(d, 2), 0))
                .with(new DatasetEdit.Exclude(train(d, 0)));
        EditedDataset e = edits.apply(d);
        TextDataset out = (TextDataset) e.dataset();
        assertEquals(2, out.trainSize());
        assertEquals("a bad film", out.train().get(0).text());
        assertEquals(0, out.train().get(1).label());
        assertArrayEquals(new int[] {1, 2}, e.trainOrigin());
        assertEquals(2, e.originalIndex(Split.TRAIN, 1));
        assertNull(out.train().get(0).tokenRelevance(), "no mask edit, no masks");
        assertEquals(1, out.testSize());
    }

    @Test
    void laterRelabelWinsAndUndoRestores() {
        TextDataset d = texts();
        DatasetEdits edits = DatasetEdits.none().with(new DatasetEdit.Relabel(train(d, 1), 1))
                .with(new DatasetEdit.Relabel(train(d, 1), 0));
        assertEquals(0, ((TextDataset) edits.apply(d).dataset()).train().get(1).label());
        assertEquals(1, ((TextDataset) edits.withoutLast().apply(d).dataset()).train().get(1).label());
        assertEquals(d, edits.withoutLast().withoutLast().apply(d).dataset());
    }

    @Test
    void aWordMaskZeroesEveryOccurrenceAndGivesEveryTextAMask() {
        TextDataset d = texts();
        TextDataset out = (TextDataset) DatasetEdits.none().with(new DatasetEdit.MaskWord("good")).apply(d).dataset();
        assertArrayEquals(new float[] {1, 0, 1}, out.train().get(0).tokenRelevance());
        assertArrayEquals(new float[] {1, 1, 1}, out.train().get(1).tokenRelevance());
        assertArrayEquals(new float[] {0, 0, 1}, out.train().get(2).tokenRelevance());
        assertArrayEquals(new float[] {0}, out.test().get(0).tokenRelevance());
    }

    @Test
    void tokenMasksAccumulateWithTheExamplesOwnMask() {
        TextDataset d = new TextDataset("t", List.of("neg", "pos"),
                List.of(new TextExample("x y z", 1, new float[] {0, 1, 1})), List.of(), INFO);
        DatasetEdits edits = DatasetEdits.none().with(new DatasetEdit.MaskTokens(train(d, 0), new int[] {2}));
        assertArrayEquals(new float[] {0, 1, 0},
                ((TextDataset) edits.apply(d).dataset()).train().get(0).tokenRelevance());
    }

    @Test
    void editsThatDoNotFitNameTheEditAndTheReason() {
        TextDataset d = texts();
        ExampleRef stale = new ExampleRef(Split.TRAIN, 1, ExampleFingerprint.of(d.train().get(0)));
        DatasetEdits edits = DatasetEdits.none().with(new DatasetEdit.MaskWord("good"))
                .with(new DatasetEdit.Relabel(stale, 1));
        DatasetEditException ex = assertThrows(DatasetEditException.class, () -> edits.apply(d));
        assertTrue(ex.getMessage().startsWith("edit 2 (relabel train #1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("changed since the edit was made"), ex.getMessage());

        ExampleRef outside = new ExampleRef(Split.TRAIN, 7, 0);
        ex = assertThrows(DatasetEditException.class,
                () -> DatasetEdits.none().with(new DatasetEdit.Exclude(outside)).apply(d));
        assertTrue(ex.getMessage().contains("only 3 examples"), ex.getMessage());

        ex = assertThrows(DatasetEditException.class,
                () -> DatasetEdits.none().with(new DatasetEdit.Relabel(train(d, 0), 5)).apply(d));
        assertTrue(ex.getMessage().contains("class 5 does not exist"), ex.getMessage());

        ex = assertThrows(DatasetEditException.class, () -> DatasetEdits.none()
                .with(new DatasetEdit.MaskTokens(train(d, 0), new int[] {3})).apply(d));
        assertTrue(ex.getMessage().contains("past the text's 3 tokens"), ex.getMessage());

        ex = assertThrows(DatasetEditException.class, () -> DatasetEdits.none()
                .with(new DatasetEdit.MaskPixels(null, new int[] {0})).apply(d));
        assertTrue(ex.getMessage().contains("pixel masks apply to image datasets"), ex.getMessage());
    }

    @Test
    void pixelMasksCoverEveryChannelAndEveryImageWhenAskedTo() {
        float[] a = {0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f};
        float[] b = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.4f, 0.3f, 0.2f};
        ImageDataset d = new ImageDataset("i", List.of("x", "y"), 2, 2, 2,
                new ImageSplit(new float[][] {a, b}, new int[] {0, 1}, null),
                new ImageSplit(new float[][] {b}, new int[] {1}, null), INFO);
        ExampleRef second = new ExampleRef(Split.TRAIN, 1, ExampleFingerprint.of(b));
        DatasetEdits edits = DatasetEdits.none()
                .with(new DatasetEdit.MaskPixels(second, new int[] {3}))
                .with(new DatasetEdit.MaskPixels(null, new int[] {0}))
                .with(new DatasetEdit.Relabel(second, 0));
        ImageDataset out = (ImageDataset) edits.apply(d).dataset();
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 1}, out.train().relevanceMasks()[0]);
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 0, 0}, out.train().relevanceMasks()[1]);
        assertArrayEquals(new float[] {0, 0, 1, 1, 1, 1, 1, 1}, out.test().relevanceMasks()[0]);
        assertArrayEquals(new int[] {0, 0}, out.train().labels());
        assertEquals(b, out.train().pixels()[1], "pixels are shared, not copied");
    }
}
