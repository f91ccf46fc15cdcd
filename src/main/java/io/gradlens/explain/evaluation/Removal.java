package io.gradlens.explain.evaluation;

import io.gradlens.data.Vocabulary;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import java.util.ArrayList;
import java.util.List;

/**
 * How a position is removed from an input: a token is replaced by a token id (by default
 * {@link Vocabulary#PAD}, which the embedding masks, so the model no longer reads it), a pixel
 * (all its channels) or a numeric feature by a baseline value (by default 0, the black image),
 * or a pixel by its value in a Gaussian-blurred copy of the image (the blur baseline of Petsiuk
 * et al. 2018's insertion metric, <a href="https://arxiv.org/abs/1806.07421">arXiv:1806.07421</a>).
 * Positions are those of the attribution records: tokens, pixels, features.
 */
public final class Removal {

    private final Integer tokenId;
    private final double baseline;
    /** σ of the Gaussian blur in pixels, or 0 for a constant baseline. */
    private final double blurSigma;

    private Removal(Integer tokenId, double baseline, double blurSigma) {
        this.tokenId = tokenId;
        this.baseline = baseline;
        this.blurSigma = blurSigma;
    }

    /** Tokens are replaced by {@code id} (e.g. {@link Vocabulary#PAD} or {@link Vocabulary#OOV}). */
    public static Removal token(int id) {
        if (id < 0) {
            throw new IllegalArgumentException("a replacement token id must be ≥ 0, got " + id);
        }
        return new Removal(id, 0, 0);
    }

    /** Pixels or features are replaced by {@code value}. */
    public static Removal baseline(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("the removal baseline must be finite, got " + value);
        }
        return new Removal(null, value, 0);
    }

    /** Pixels are replaced by their value in the image blurred with a Gaussian of σ {@code sigma} pixels. */
    public static Removal blur(double sigma) {
        if (!(sigma > 0) || !Double.isFinite(sigma)) {
            throw new IllegalArgumentException("--removal blur:SIGMA needs σ > 0, got " + sigma);
        }
        return new Removal(null, 0, sigma);
    }

    /**
     * By name, for {@code model}: {@code pad} or {@code oov} (text); {@code zero} or a number
     * (images, numeric rows); {@code blur} or {@code blur:SIGMA} (images; σ 5 pixels by default).
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
        if (name.equals("zero")) {
            return baseline(0);
        }
        if (name.equals("blur") || name.startsWith("blur:")) {
            if (!(model.input() instanceof io.gradlens.nn.InputSpec.Image)) {
                throw new IllegalArgumentException("--removal blur needs an image model; this model reads "
                        + model.describeInput());
            }
            try {
                return blur(name.equals("blur") ? DEFAULT_BLUR_SIGMA : Double.parseDouble(name.substring(5)));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--removal blur:SIGMA needs a number, got '" + name + "'");
            }
        }
        try {
            return baseline(Double.parseDouble(name));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--removal for " + model.describeInput() + " is zero or a number, got '"
                    + name + "'");
        }
    }

    /** σ of {@code blur} without a number, in pixels. */
    public static final double DEFAULT_BLUR_SIGMA = 5;

    /** A short description, e.g. {@code token 0}, {@code baseline 0.0} or {@code blur 5.0}. */
    public String describe() {
        return tokenId != null ? "token " + tokenId : blurSigma > 0 ? "blur " + blurSigma : "baseline " + baseline;
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
            java.util.Map<Integer, float[]> blurred = new java.util.HashMap<>();
            for (int i = 0; i < examples.size(); i++) {
                float[] source = im.pixels().get(examples.get(i));
                float[] fill = blurSigma > 0 ? blurred.computeIfAbsent(examples.get(i),
                        b -> GaussianBlur.of(source, im.height(), im.width(), c, blurSigma)) : null;
                float[] px = source.clone();
                boolean[] r = removed.get(i);
                for (int p = 0; p < r.length; p++) {
                    if (r[p]) {
                        for (int k = 0; k < c; k++) {
                            px[p * c + k] = fill != null ? fill[p * c + k] : (float) baseline;
                        }
                    }
                }
                out.add(px);
            }
            return new AttributionInputs.Images(im.height(), im.width(), c, out);
        }
        if (blurSigma > 0) {
            throw new IllegalArgumentException("--removal blur needs images, not numeric rows");
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
