package io.gradlens.explain.evaluation;

import io.gradlens.data.Vocabulary;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * How a position is removed from an input: a token is replaced by a token id (by default
 * {@link Vocabulary#PAD}, which the embedding masks, so the model no longer reads it), a pixel
 * (all its channels) or a numeric feature by a baseline value (by default 0, the black image).
 * Positions are those of the attribution records: tokens, pixels, features.
 */
public final class Removal {

    private final Integer tokenId;
    private final double baseline;

    private Removal(Integer tokenId, double baseline) {
        this.tokenId = tokenId;
        this.baseline = baseline;
    }

    /** Tokens are replaced by {@code id} (e.g. {@link Vocabulary#PAD} or {@link Vocabulary#OOV}). */
    public static Removal token(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("a replacement token id must be ≥ 0, got " + id);
        }
        return new Removal(id, 0);
    }

    /** Pixels or features are replaced by {@code value}. */
    public static Removal baseline(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the removal baseline must be finite, got " + value);
        }
        return new Removal(null, value);
    }

    /**
     * By name, for {@code model}: {@code pad} or {@code oov} (text), or a number (images, numeric
     * rows; {@code zero} = 0).
     *
     * @throws IllegalArgumentException naming {@code --removal} for a name that does not fit the model
     */
    public static Removal parse(String name, Classifier model) {
        if (model.isText()) {
            return switch (name) {
                case "pad" -> token(Vocabulary.PAD);
                case "oov" -> token(Vocabulary.OOV);
                default -> throw new IllegalArgumentException("--removal for a text model is pad or oov, got '"
                        + name + "'");
            };
        }
        if (name.equals("zero") || name.equals("pad")) {
            return baseline(0);
        }
        try {
            return baseline(Double.parseDouble(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--removal for " + model.describeInput() + " is zero or a number, got '"
                    + name + "'");
        }
    }

    /** A short description, e.g. {@code token 0} or {@code baseline 0.0}. */
    public String describe() {
        return tokenId != null ? "token " + tokenId : "baseline " + baseline;
    }

    /** The number of removable positions of example {@code b}. */
    static int positions(AttributionInputs inputs, int b) {
        if (inputs instanceof AttributionInputs.Tokens t) {
            return t.ids().get(b).length;
        }
        if (inputs instanceof AttributionInputs.Images im) {
            return im.height() * im.width();
        }
        return ((AttributionInputs.Numeric) inputs).rows().get(b).length;
    }

    /**
     * One perturbed copy per entry: example {@code examples.get(i)} with the positions where
     * {@code removed.get(i)} is true removed.
     */
    AttributionInputs apply(AttributionInputs inputs, List<Integer> examples, List<boolean[]> removed) {
        if (examples.size() != removed.size()) {
            throw new IllegalArgumentException(examples.size() + " examples but " + removed.size() + " masks");
        }
        if (inputs instanceof AttributionInputs.Tokens t) {
            if (tokenId == null) {
                throw new IllegalArgumentException("text is removed by a token id, not a baseline value");
            }
            List<List<String>> tokens = new ArrayList<>();
            List<int[]> ids = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                int[] id = t.ids().get(examples.get(i)).clone();
                boolean[] r = removed.get(i);
                for (int p = 0; p < id.length; p++) {
                    if (r[p]) {
                        id[p] = tokenId;
                    }
                }
                tokens.add(t.tokens().get(examples.get(i)));
                ids.add(id);
            }
            return new AttributionInputs.Tokens(tokens, ids);
        }
        if (tokenId != null) {
            throw new IllegalArgumentException("pixels and features are removed by a baseline value, not a token id");
        }
        if (inputs instanceof AttributionInputs.Images im) {
            int c = im.channels();
            List<float[]> out = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                float[] px = im.pixels().get(examples.get(i)).clone();
                boolean[] r = removed.get(i);
                for (int p = 0; p < r.length; p++) {
                    if (r[p]) {
                        for (int k = 0; k < c; k++) {
                            px[p * c + k] = (float) baseline;
                        }
                    }
                }
                out.add(px);
            }
            return new AttributionInputs.Images(im.height(), im.width(), c, out);
        }
        AttributionInputs.Numeric n = (AttributionInputs.Numeric) inputs;
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < examples.size(); i++) {
            double[] row = n.rows().get(examples.get(i)).clone();
            boolean[] r = removed.get(i);
            for (int p = 0; p < r.length; p++) {
                if (r[p]) {
                    row[p] = baseline;
                }
            }
            out.add(row);
        }
        return new AttributionInputs.Numeric(n.shape(), out);
    }
}
