package io.gradlens.cli;

import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** What the explanation commands share: examples from --text or --dataset, targets, output files. */
final class ExplainSupport {

    private ExplainSupport() {
    }

    /**
     * Examples to explain with where they came from.
     *
     * @param inputs  the model inputs
     * @param indices each example's index in its split (-1 for --text)
     * @param labels  each example's true class, or null
     */
    record Examples(AttributionInputs inputs, int[] indices, Integer[] labels) {
        int size() {
            return inputs.size();
        }
    }

    /** One text for a text model; exit 2 for an image model or a text without tokens. */
    static Examples fromText(Classifier model, String text) {
        if (!model.isText()) {
            throw new IllegalArgumentException("--text needs a text model; this model reads " + model.describeInput()
                    + " (use --dataset)");
        }
        return new Examples(AttributionInputs.texts(model, List.of(text)), new int[] {-1}, new Integer[] {null});
    }

    /** The examples of a split, checked against the model. */
    /**
     * The rows of a NumPy batch ({@link io.gradlens.io.NpyInputs} checks it against the model): token
     * id rows lose their trailing padding, images and numeric rows are taken as they are.
     */
    static Examples fromNpy(Classifier model, Path file) throws IOException {
        org.nd4j.linalg.api.ndarray.INDArray batch = io.gradlens.io.NpyInputs.read(file, model).value();
        int n = (int) batch.size(0);
        int[] indices = java.util.stream.IntStream.range(0, n).toArray();
        Integer[] labels = new Integer[n];
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
            return new Examples(new AttributionInputs.Tokens(tokens, ids), indices, labels);
        }
        List<float[]> floatRows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            floatRows.add(batch.slice(i).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT).dup('c').reshape(-1)
                    .toFloatVector());
        }
        if (model.input() instanceof InputSpec.Image img) {
            return new Examples(new AttributionInputs.Images(img.height(), img.width(), img.channels(), floatRows),
                    indices, labels);
        }
        long[] shape = ((InputSpec.Numeric) model.input()).shape();
        List<double[]> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(batch.slice(i).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').reshape(-1)
                    .toDoubleVector());
        }
        return new Examples(new AttributionInputs.Numeric(shape, rows), indices, labels);
    }

    static Examples fromDataset(Classifier model, Dataset data, String split, int limit) {
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("--limit must be ≥ 0, got " + limit);
        }
        boolean train = "train".equals(split);
        if (data instanceof TextDataset text) {
            if (!model.isText()) {
                throw new IllegalArgumentException("the model reads " + model.describeInput() + " but dataset '"
                        + data.name() + "' is text");
            }
            List<TextExample> examples = train ? text.train() : text.test();
            int n = limit > 0 ? Math.min(limit, examples.size()) : examples.size();
            List<String> texts = new ArrayList<>();
            Integer[] labels = new Integer[n];
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                texts.add(examples.get(i).text());
                labels[i] = examples.get(i).label() < model.numClasses() ? examples.get(i).label() : null;
                indices[i] = i;
            }
            if (n == 0) {
                throw new IllegalArgumentException("the " + split + " split of '" + data.name() + "' is empty");
            }
            AttributionInputs.Tokens tokens = AttributionInputs.texts(model, texts);
            checkVocabulary(tokens, data.name());
            return new Examples(tokens, indices, labels);
        }
        if (data instanceof ImageDataset images) {
            if (!(model.input() instanceof InputSpec.Image img) || img.height() != images.height()
                    || img.width() != images.width() || img.channels() != images.channels()) {
                throw new IllegalArgumentException("the model reads " + model.describeInput() + " but dataset '"
                        + data.name() + "' has images " + images.height() + "x" + images.width() + "x"
                        + images.channels());
            }
            ImageSplit s = train ? images.train() : images.test();
            int n = limit > 0 ? Math.min(limit, s.size()) : s.size();
            if (n == 0) {
                throw new IllegalArgumentException("the " + split + " split of '" + data.name() + "' is empty");
            }
            Integer[] labels = new Integer[n];
            int[] indices = new int[n];
            for (int i = 0; i < n; i++) {
                labels[i] = s.labels()[i] < model.numClasses() ? s.labels()[i] : null;
                indices[i] = i;
            }
            return new Examples(new AttributionInputs.Images(img.height(), img.width(), img.channels(),
                    Arrays.asList(s.pixels()).subList(0, n)), indices, labels);
        }
        throw new IllegalArgumentException("dataset '" + data.name() + "' is " + (data instanceof TabularDataset
                ? "tabular" : "of another kind") + "; this command explains text and image classifiers");
    }

    /** Refuses a text set none of whose words the model knows: a model/dataset mismatch. */
    private static void checkVocabulary(AttributionInputs.Tokens tokens, String dataset) {
        long known = 0;
        long all = 0;
        for (int[] ids : tokens.ids()) {
            for (int id : ids) {
                all++;
                known += id != Vocabulary.OOV ? 1 : 0;
            }
        }
        if (all > 0 && known == 0) {
            throw new IllegalArgumentException("none of the " + all + " tokens of dataset '" + dataset + "' is in the "
                    + "model's vocabulary: the model was not trained on text like this");
        }
    }

    /** {@code predicted}, a class index, or a class name. */
    static AttributionTarget target(String spec, Classifier model) {
        if (spec == null || spec.equals("predicted")) {
            return AttributionTarget.predicted();
        }
        int byName = model.classNames().indexOf(spec);
        if (byName >= 0) {
            return AttributionTarget.of(byName);
        }
        try {
            int k = Integer.parseInt(spec);
            if (k < 0 || k >= model.numClasses()) {
                throw new IllegalArgumentException("--target " + k + " is out of range: the model has "
                        + model.numClasses() + " classes " + model.classNames());
            }
            return AttributionTarget.of(k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target must be 'predicted', a class index or a class name "
                    + model.classNames() + ", got '" + spec + "'");
        }
    }

    /** A writer to {@code out}, or to standard output when {@code out} is null (not closed then). */
    static Writer open(Path out, PrintWriter stdout) throws IOException {
        if (out == null) {
            return new Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    stdout.write(buf, off, len);
                }

                @Override
                public void flush() {
                    stdout.flush();
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + out + ": the folder " + parent + " does not exist");
        }
        return Files.newBufferedWriter(out, StandardCharsets.UTF_8);
    }

    /** Checks a --format against the allowed ones. */
    static String format(String format, String... allowed) {
        for (String a : allowed) {
            if (a.equals(format)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown --format '" + format + "'; use " + String.join(", ", allowed));
    }
}
