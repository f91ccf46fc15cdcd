package io.gradlens.workflow.explain;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.data.edits.EditedDataset;
import io.gradlens.data.edits.ExampleFingerprint;
import io.gradlens.data.edits.ExampleRef;
import io.gradlens.data.edits.Split;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Chooses the examples to predict or explain, the one way for the command line and the workbench:
 * one text, the first examples of a dataset split, or the rows of a NumPy batch, each checked
 * against the model ({@link ModelDatasetFit}) with the same messages. Dataset examples are
 * addressed by {@link ExampleRef}: their position in the unedited split, so that a dataset with
 * edits applied still names its examples as the unedited one does.
 */
public final class ExampleSelection {

    private ExampleSelection() {
    }

    /**
     * One text for a text model.
     *
     * @throws IllegalArgumentException for a model that does not read text, or a text without tokens
     */
    public static SelectedExamples text(Classifier model, String text) {
        if (!model.isText()) {
            throw new ModelDatasetMismatchException("--text needs a text model; this model reads "
                    + model.describeInput() + " (use --dataset)");
        }
        return SelectedExamples.unlabelled(AttributionInputs.texts(model, List.of(text)), List.of(text), false);
    }

    /**
     * The split called {@code split} ({@code train} or {@code test}).
     *
     * @throws IllegalArgumentException naming the text otherwise
     */
    public static Split split(String split) {
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        }
        return Split.parse(split);
    }

    /** A dataset without edits, every example at its own position. */
    public static EditedDataset unedited(Dataset data) {
        return new EditedDataset(data, IntStream.range(0, data.trainSize()).toArray(),
                IntStream.range(0, data.testSize()).toArray());
    }

    /**
     * The first {@code limit} examples of a split of a dataset without edits; see
     * {@link #split(Classifier, EditedDataset, Split, int)}.
     */
    public static SelectedExamples split(Classifier model, Dataset data, String split, int limit) {
        return split(model, unedited(data), split(split), limit);
    }

    /**
     * The first {@code limit} examples (0: all) of {@code split} of a dataset, checked against the
     * model.
     *
     * @throws ModelDatasetMismatchException when the model cannot read the dataset
     * @throws IllegalArgumentException      for a negative limit, an empty split, a tabular dataset
     */
    public static SelectedExamples split(Classifier model, EditedDataset edited, Split split, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be ≥ 0, got " + limit);
        }
        Dataset data = edited.dataset();
        ModelDatasetFit.check(model, data);
        int[] origin = split == Split.TRAIN ? edited.trainOrigin() : edited.testOrigin();
        int size = split == Split.TRAIN ? data.trainSize() : data.testSize();
        int n = limit > 0 ? Math.min(limit, size) : size;
        if (n == 0) {
            throw new IllegalArgumentException("the " + split.fileName() + " split of '" + data.name() + "' is empty");
        }
        List<ExampleRef> refs = new ArrayList<>(n);
        List<Integer> labels = new ArrayList<>(n);
        if (data instanceof TextDataset text) {
            List<TextExample> examples = split == Split.TRAIN ? text.train() : text.test();
            List<String> texts = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                TextExample e = examples.get(i);
                texts.add(e.text());
                labels.add(e.label());
                refs.add(new ExampleRef(split, origin[i], ExampleFingerprint.of(e)));
            }
            AttributionInputs.Tokens tokens = AttributionInputs.texts(model, texts);
            ModelDatasetFit.checkVocabulary(tokens, data.name());
            return new SelectedExamples(tokens, refs, labels, texts, false);
        }
        ImageDataset images = (ImageDataset) data;
        ImageSplit s = split == Split.TRAIN ? images.train() : images.test();
        List<float[]> pixels = Arrays.asList(s.pixels()).subList(0, n);
        for (int i = 0; i < n; i++) {
            labels.add(s.labels()[i]);
            refs.add(new ExampleRef(split, origin[i], ExampleFingerprint.of(s.pixels()[i])));
        }
        return new SelectedExamples(new AttributionInputs.Images(images.height(), images.width(), images.channels(),
                pixels), refs, labels, Arrays.asList(new String[n]), false);
    }

    /**
     * The rows of a NumPy batch ({@link io.gradlens.io.NpyInputs} checks it against the model):
     * token id rows lose their trailing padding, images and numeric rows are taken as they are.
     *
     * @throws IllegalArgumentException for a row of padding only, or a batch that does not fit
     */
    public static SelectedExamples npy(Classifier model, Path file) throws IOException {
        INDArray batch = io.gradlens.io.NpyInputs.read(file, model).value();
        int n = (int) batch.size(0);
        if (model.isText()) {
            Vocabulary vocabulary = model.tokens().vocabulary();
            List<List<String>> tokens = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int[] row = batch.getRow(i).toIntVector();
                int length = row.length;
                while (length > 0 && row[length - 1] == Vocabulary.PAD) {
                    length--;
                }
                if (length == 0) {
                    throw new IllegalArgumentException(file + ": row " + i + " holds only padding (id 0)");
                }
                int[] kept = Arrays.copyOf(row, length);
                ids.add(kept);
                tokens.add(Arrays.stream(kept).mapToObj(vocabulary::token).toList());
            }
            return SelectedExamples.unlabelled(new AttributionInputs.Tokens(tokens, ids), null, true);
        }
        if (model.input() instanceof InputSpec.Image img) {
            List<float[]> rows = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                rows.add(batch.slice(i).castTo(DataType.FLOAT).dup('c').reshape(-1).toFloatVector());
            }
            return SelectedExamples.unlabelled(new AttributionInputs.Images(img.height(), img.width(), img.channels(),
                    rows), null, true);
        }
        long[] shape = ((InputSpec.Numeric) model.input()).shape();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(batch.slice(i).castTo(DataType.DOUBLE).dup('c').reshape(-1).toDoubleVector());
        }
        return SelectedExamples.unlabelled(new AttributionInputs.Numeric(shape, rows), null, true);
    }
}
