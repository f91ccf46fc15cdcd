package io.gradlens.explain;

import io.gradlens.data.Vocabulary;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The examples an attribution method explains, checked against the model at the door: texts or
 * token ids for a text model, images for an image model, numeric rows for a numeric model.
 * Examples may have different lengths; they are padded internally.
 */
public sealed interface AttributionInputs permits AttributionInputs.Tokens, AttributionInputs.Images,
        AttributionInputs.Numeric {

    /** Number of examples. */
    int size();

    /** A sub-list of the examples {@code [from, to)}. */
    AttributionInputs range(int from, int to);

    /** The examples at {@code idx}, in that order. */
    default AttributionInputs select(List<Integer> idx) {
        if (this instanceof Tokens t) {
            return new Tokens(idx.stream().map(t.tokens()::get).toList(), idx.stream().map(t.ids()::get).toList());
        }
        if (this instanceof Images im) {
            return new Images(im.height(), im.width(), im.channels(), idx.stream().map(im.pixels()::get).toList());
        }
        Numeric n = (Numeric) this;
        return new Numeric(n.shape(), idx.stream().map(n.rows()::get).toList());
    }

    /**
     * Token sequences.
     *
     * @param tokens the tokens as written (for display)
     * @param ids    their ids; PAD (0) entries are allowed and score exactly 0
     */
    record Tokens(List<List<String>> tokens, List<int[]> ids) implements AttributionInputs {
        public Tokens {
            tokens = tokens.stream().map(List::copyOf).toList();
            ids = ids.stream().map(int[]::clone).toList();
            if (tokens.size() != ids.size()) {
                throw new IllegalArgumentException(tokens.size() + " token lists for " + ids.size() + " id lists");
            }
            for (int i = 0; i < ids.size(); i++) {
                if (ids.get(i).length == 0) {
                    throw new IllegalArgumentException("example " + i + " has no tokens");
                }
                if (ids.get(i).length != tokens.get(i).size()) {
                    throw new IllegalArgumentException("example " + i + " has " + tokens.get(i).size()
                            + " tokens but " + ids.get(i).length + " ids");
                }
            }
        }

        @Override
        public int size() {
            return ids.size();
        }

        @Override
        public Tokens range(int from, int to) {
            return new Tokens(tokens.subList(from, to), ids.subList(from, to));
        }
    }

    /** Images, each row-major [H, W, C] with values as the model was trained on (usually [0, 1]). */
    record Images(int height, int width, int channels, List<float[]> pixels) implements AttributionInputs {
        public Images {
            pixels = pixels.stream().map(float[]::clone).toList();
            for (int i = 0; i < pixels.size(); i++) {
                if (pixels.get(i).length != height * width * channels) {
                    throw new IllegalArgumentException("image " + i + " has " + pixels.get(i).length + " values; the "
                            + "model reads " + height + "x" + width + "x" + channels + " = "
                            + height * width * channels);
                }
            }
        }

        @Override
        public int size() {
            return pixels.size();
        }

        @Override
        public Images range(int from, int to) {
            return new Images(height, width, channels, pixels.subList(from, to));
        }
    }

    /** Numeric rows, each row-major over {@code shape}. */
    record Numeric(long[] shape, List<double[]> rows) implements AttributionInputs {
        public Numeric {
            shape = shape.clone();
            rows = rows.stream().map(double[]::clone).toList();
            long n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).length != n) {
                    throw new IllegalArgumentException("row " + i + " has " + rows.get(i).length + " values; the model "
                            + "reads " + Arrays.toString(shape) + " = " + n);
                }
            }
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        @Override
        public int size() {
            return rows.size();
        }

        @Override
        public Numeric range(int from, int to) {
            return new Numeric(shape, rows.subList(from, to));
        }
    }

    /** Texts for a text model: tokenized, then mapped to ids (unknown words become OOV). */
    static Tokens texts(Classifier model, List<String> texts) {
        InputSpec.Tokens spec = model.tokens();
        List<List<String>> tokens = new ArrayList<>();
        List<int[]> ids = new ArrayList<>();
        for (String text : texts) {
            List<String> t = spec.tokens(text);
            tokens.add(t);
            ids.add(spec.vocabulary().encode(t));
        }
        return new Tokens(tokens, ids);
    }

    /** Token ids for a text model; every id must be in the vocabulary. */
    static Tokens ids(Classifier model, List<int[]> ids) {
        Vocabulary vocabulary = model.tokens().vocabulary();
        List<List<String>> tokens = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            List<String> t = new ArrayList<>();
            for (int id : ids.get(i)) {
                if (id < 0 || id >= vocabulary.size()) {
                    throw new IllegalArgumentException("example " + i + ": token id " + id + " is outside the "
                            + "vocabulary of " + vocabulary.size());
                }
                t.add(vocabulary.token(id));
            }
            tokens.add(t);
        }
        return new Tokens(tokens, ids);
    }

    /** Images for an image model; their size must match the model's. */
    static Images images(Classifier model, List<float[]> pixels) {
        if (!(model.input() instanceof InputSpec.Image img)) {
            throw new IllegalArgumentException("this model reads " + model.describeInput() + ", not images");
        }
        return new Images(img.height(), img.width(), img.channels(), pixels);
    }

    /** Numeric rows for a numeric model. */
    static Numeric numeric(Classifier model, List<double[]> rows) {
        if (!(model.input() instanceof InputSpec.Numeric n)) {
            throw new IllegalArgumentException("this model reads " + model.describeInput() + ", not numeric rows");
        }
        return new Numeric(n.shape(), rows);
    }
}
