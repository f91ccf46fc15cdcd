package io.gradlens.data.edits;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * An ordered, immutable list of {@link DatasetEdit}s. Later edits win where two relabel the same
 * example; masks accumulate; an excluded example is gone whatever else names it.
 *
 * <p>Undo is {@link #withoutLast()}: because the list is what is saved, undo works the same after a
 * restart.
 */
public final class DatasetEdits {

    private static final DatasetEdits NONE = new DatasetEdits(List.of());

    private final List<DatasetEdit> edits;

    private DatasetEdits(List<DatasetEdit> edits) {
        this.edits = List.copyOf(edits);
    }

    /** The empty list. */
    public static DatasetEdits none() {
        return NONE;
    }

    /** A list holding {@code edits} in order. */
    public static DatasetEdits of(List<? extends DatasetEdit> edits) {
        return edits.isEmpty() ? NONE : new DatasetEdits(new ArrayList<>(edits));
    }

    /** The edits, oldest first. */
    public List<DatasetEdit> edits() {
        return edits;
    }

    /** Whether there is no edit. */
    public boolean isEmpty() {
        return edits.isEmpty();
    }

    /** Number of edits. */
    public int size() {
        return edits.size();
    }

    /** This list with {@code edit} appended. */
    public DatasetEdits with(DatasetEdit edit) {
        List<DatasetEdit> more = new ArrayList<>(edits);
        more.add(java.util.Objects.requireNonNull(edit, "edit"));
        return new DatasetEdits(more);
    }

    /** This list without its newest edit (the undo step); the empty list stays empty. */
    public DatasetEdits withoutLast() {
        return edits.isEmpty() ? this : of(edits.subList(0, edits.size() - 1));
    }

    /** This list without the edit at {@code position}. */
    public DatasetEdits without(int position) {
        List<DatasetEdit> fewer = new ArrayList<>(edits);
        fewer.remove(position);
        return of(fewer);
    }

    /** Whether some edit marks tokens or pixels. */
    public boolean hasMasks() {
        return edits.stream().anyMatch(e -> e instanceof DatasetEdit.MaskTokens || e instanceof DatasetEdit.MaskWord
                || e instanceof DatasetEdit.MaskPixels);
    }

    /**
     * Applies the edits to {@code dataset}. When the list has any mask edit, every example of the
     * result carries a mask (all ones where nothing is marked), so constrained training can use the
     * whole split.
     *
     * @throws DatasetEditException naming the first edit (1-based) that does not fit: an index out of
     *                              range, a fingerprint that no longer matches, a class or position
     *                              that does not exist, or an edit of the wrong kind for the dataset
     */
    public EditedDataset apply(Dataset dataset) {
        if (isEmpty()) {
            return new EditedDataset(dataset, IntStream.range(0, dataset.trainSize()).toArray(),
                    IntStream.range(0, dataset.testSize()).toArray());
        }
        if (dataset instanceof TextDataset text) {
            return applyToText(text);
        }
        if (dataset instanceof ImageDataset images) {
            return applyToImages(images);
        }
        throw new DatasetEditException("dataset " + dataset.name()
                + " is a regression table: relabel, exclude and masks apply to text and image datasets");
    }

    private EditedDataset applyToText(TextDataset dataset) {
        TextEditor train = new TextEditor(dataset.train(), dataset.classNames().size());
        TextEditor test = new TextEditor(dataset.test(), dataset.classNames().size());
        boolean masked = hasMasks();
        for (int e = 0; e < edits.size(); e++) {
            DatasetEdit edit = edits.get(e);
            try {
                if (edit instanceof DatasetEdit.MaskWord word) {
                    train.maskWord(word.word());
                    test.maskWord(word.word());
                } else if (edit instanceof DatasetEdit.MaskPixels) {
                    throw new IllegalArgumentException(
                            "pixel masks apply to image datasets, " + dataset.name() + " holds texts");
                } else {
                    (ref(edit).split() == Split.TRAIN ? train : test).apply(edit);
                }
            } catch (IllegalArgumentException ex) {
                throw failure(e, edit, ex);
            }
        }
        TextDataset edited = new TextDataset(dataset.name(), dataset.classNames(), train.result(masked),
                test.result(masked), dataset.info());
        return new EditedDataset(edited, train.origin(), test.origin());
    }

    private EditedDataset applyToImages(ImageDataset dataset) {
        int plane = dataset.height() * dataset.width();
        ImageEditor train = new ImageEditor(dataset.train(), dataset.classNames().size(), plane, dataset.channels());
        ImageEditor test = new ImageEditor(dataset.test(), dataset.classNames().size(), plane, dataset.channels());
        boolean masked = hasMasks();
        for (int e = 0; e < edits.size(); e++) {
            DatasetEdit edit = edits.get(e);
            try {
                if (edit instanceof DatasetEdit.MaskWord || edit instanceof DatasetEdit.MaskTokens) {
                    throw new IllegalArgumentException(
                            "word and token masks apply to text datasets, " + dataset.name() + " holds images");
                } else if (edit instanceof DatasetEdit.MaskPixels pixels && pixels.everywhere()) {
                    train.maskEverywhere(pixels.pixels());
                    test.maskEverywhere(pixels.pixels());
                } else {
                    (ref(edit).split() == Split.TRAIN ? train : test).apply(edit);
                }
            } catch (IllegalArgumentException ex) {
                throw failure(e, edit, ex);
            }
        }
        ImageDataset edited = new ImageDataset(dataset.name(), dataset.classNames(), dataset.height(),
                dataset.width(), dataset.channels(), train.result(masked), test.result(masked), dataset.info());
        return new EditedDataset(edited, train.origin(), test.origin());
    }

    private static ExampleRef ref(DatasetEdit edit) {
        if (edit instanceof DatasetEdit.Relabel r) {
            return r.example();
        }
        if (edit instanceof DatasetEdit.Exclude x) {
            return x.example();
        }
        if (edit instanceof DatasetEdit.MaskTokens m) {
            return m.example();
        }
        if (edit instanceof DatasetEdit.MaskPixels p) {
            return p.example();
        }
        throw new IllegalStateException(edit.describe() + " names no example");
    }

    private static DatasetEditException failure(int position, DatasetEdit edit, IllegalArgumentException cause) {
        DatasetEditException ex = new DatasetEditException("edit " + (position + 1) + " (" + edit.describe() + "): "
                + cause.getMessage());
        ex.initCause(cause);
        return ex;
    }

    /** Checks that {@code ref} names an example of a split of {@code size} whose fingerprint is {@code actual}. */
    static void check(ExampleRef ref, int size, java.util.function.IntToLongFunction fingerprint) {
        if (ref.index() >= size) {
            throw new IllegalArgumentException("the " + ref.split().fileName() + " split has only " + size
                    + " examples");
        }
        long actual = fingerprint.applyAsLong(ref.index());
        if (actual != ref.fingerprint()) {
            throw new IllegalArgumentException("the example changed since the edit was made (fingerprint "
                    + Long.toHexString(actual) + ", the edit expects " + Long.toHexString(ref.fingerprint())
                    + "): the dataset file is not the one the edits were made on");
        }
    }

    /** Edits one split of a text dataset. */
    private static final class TextEditor {
        private final List<TextExample> examples;
        private final int classes;
        private final int[] labels;
        private final float[][] masks;
        private final boolean[] excluded;

        TextEditor(List<TextExample> examples, int classes) {
            this.examples = examples;
            this.classes = classes;
            this.labels = examples.stream().mapToInt(TextExample::label).toArray();
            this.masks = new float[examples.size()][];
            this.excluded = new boolean[examples.size()];
        }

        void apply(DatasetEdit edit) {
            ExampleRef ref = ref(edit);
            check(ref, examples.size(), i -> ExampleFingerprint.of(examples.get(i)));
            if (edit instanceof DatasetEdit.Relabel r) {
                labels[ref.index()] = checkedLabel(r.label(), classes);
            } else if (edit instanceof DatasetEdit.Exclude) {
                excluded[ref.index()] = true;
            } else if (edit instanceof DatasetEdit.MaskTokens m) {
                float[] mask = mask(ref.index());
                int last = m.positions()[m.positions().length - 1];
                if (last >= mask.length) {
                    throw new IllegalArgumentException("token position " + last + " is past the text's "
                            + mask.length + " tokens");
                }
                for (int p : m.positions()) {
                    mask[p] = 0f;
                }
            } else {
                throw new IllegalStateException(edit.describe());
            }
        }

        void maskWord(String word) {
            for (int i = 0; i < examples.size(); i++) {
                List<String> tokens = examples.get(i).tokens();
                for (int k = 0; k < tokens.size(); k++) {
                    if (tokens.get(k).equals(word)) {
                        mask(i)[k] = 0f;
                    }
                }
            }
        }

        private float[] mask(int i) {
            if (masks[i] == null) {
                float[] own = examples.get(i).tokenRelevance();
                masks[i] = own != null ? own.clone() : ones(examples.get(i).tokens().size());
            }
            return masks[i];
        }

        List<TextExample> result(boolean masked) {
            List<TextExample> out = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (!excluded[i]) {
                    TextExample e = examples.get(i);
                    float[] mask = masked ? mask(i) : e.tokenRelevance();
                    out.add(e.with(labels[i], mask));
                }
            }
            return out;
        }

        int[] origin() {
            return IntStream.range(0, examples.size()).filter(i -> !excluded[i]).toArray();
        }
    }

    /** Edits one split of an image dataset. */
    private static final class ImageEditor {
        private final ImageSplit split;
        private final int classes;
        private final int plane;
        private final int channels;
        private final int[] labels;
        private final float[][] masks;
        private final boolean[] excluded;

        ImageEditor(ImageSplit split, int classes, int plane, int channels) {
            this.split = split;
            this.classes = classes;
            this.plane = plane;
            this.channels = channels;
            this.labels = split.labels().clone();
            this.masks = new float[split.size()][];
            this.excluded = new boolean[split.size()];
        }

        void apply(DatasetEdit edit) {
            ExampleRef ref = ref(edit);
            check(ref, split.size(), i -> ExampleFingerprint.of(split.pixels()[i]));
            if (edit instanceof DatasetEdit.Relabel r) {
                labels[ref.index()] = checkedLabel(r.label(), classes);
            } else if (edit instanceof DatasetEdit.Exclude) {
                excluded[ref.index()] = true;
            } else if (edit instanceof DatasetEdit.MaskPixels p) {
                maskPixels(ref.index(), p.pixels());
            } else {
                throw new IllegalStateException(edit.describe());
            }
        }

        void maskEverywhere(int[] pixels) {
            for (int i = 0; i < split.size(); i++) {
                maskPixels(i, pixels);
            }
        }

        private void maskPixels(int image, int[] pixels) {
            int last = pixels[pixels.length - 1];
            if (last >= plane) {
                throw new IllegalArgumentException("pixel position " + last + " is past the image's " + plane
                        + " pixels");
            }
            float[] mask = mask(image);
            for (int p : pixels) {
                Arrays.fill(mask, p * channels, (p + 1) * channels, 0f);
            }
        }

        private float[] mask(int i) {
            if (masks[i] == null) {
                masks[i] = split.hasMasks() ? split.relevanceMasks()[i].clone() : ones(plane * channels);
            }
            return masks[i];
        }

        ImageSplit result(boolean masked) {
            int[] kept = origin();
            float[][] pixels = new float[kept.length][];
            int[] keptLabels = new int[kept.length];
            float[][] keptMasks = masked || split.hasMasks() ? new float[kept.length][] : null;
            for (int k = 0; k < kept.length; k++) {
                int i = kept[k];
                pixels[k] = split.pixels()[i];
                keptLabels[k] = labels[i];
                if (keptMasks != null) {
                    keptMasks[k] = masked ? mask(i) : split.relevanceMasks()[i];
                }
            }
            return new ImageSplit(pixels, keptLabels, keptMasks);
        }

        int[] origin() {
            return IntStream.range(0, split.size()).filter(i -> !excluded[i]).toArray();
        }
    }

    private static int checkedLabel(int label, int classes) {
        if (label >= classes) {
            throw new IllegalArgumentException("class " + label + " does not exist (the dataset has " + classes
                    + " classes)");
        }
        return label;
    }

    private static float[] ones(int n) {
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        return ones;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatasetEdits other && other.edits.equals(edits);
    }

    @Override
    public int hashCode() {
        return edits.hashCode();
    }

    @Override
    public String toString() {
        return edits.size() + " edits";
    }
}
