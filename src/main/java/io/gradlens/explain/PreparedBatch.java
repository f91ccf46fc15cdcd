package io.gradlens.explain;

import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputStage;
import io.gradlens.nn.Sequential;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A batch of examples turned into the tensor that saliency differentiates: the embedding output
 * [B, T, E] of padded token ids (padding rows are zero and the sequence mask marks them), or the
 * pixels [B, H, W, C], or the numeric rows; with the clean forward pass's probabilities and the
 * resolved target class of each example.
 */
final class PreparedBatch {

    final Classifier model;
    final Sequential network;
    final AttributionInputs inputs;
    final int firstLayer;
    /** The differentiated input, [B, …]. */
    final INDArray x;
    /** The sequence mask [B, T] (1 = token), or null for non-text or unpadded text. */
    final INDArray mask;
    /** For text: whether position (b, t) is a token (not padding, not an explicit PAD id). */
    final boolean[][] real;
    final double[][] probabilities;
    final int[] targets;

    private PreparedBatch(Classifier model, AttributionInputs inputs, int firstLayer, INDArray x, INDArray mask,
                          boolean[][] real, double[][] probabilities, int[] targets) {
        this.model = model;
        this.network = model.network();
        this.inputs = inputs;
        this.firstLayer = firstLayer;
        this.x = x;
        this.mask = mask;
        this.real = real;
        this.probabilities = probabilities;
        this.targets = targets;
    }

    int size() {
        return targets.length;
    }

    /** Checks the inputs against the model, embeds them, runs the clean forward pass. */
    static PreparedBatch of(Classifier model, AttributionInputs inputs, AttributionTarget target) {
        if (inputs.size() == 0) {
            throw new IllegalArgumentException("nothing to explain: no examples");
        }
        Sequential net = model.network();
        DataType dtype = net.dtype();
        INDArray x;
        INDArray mask = null;
        boolean[][] real = null;
        int firstLayer = 0;
        if (inputs instanceof AttributionInputs.Tokens tokens) {
            if (!model.isText()) {
                throw new IllegalArgumentException("this model reads " + model.describeInput() + ", not text");
            }
            int vocab = model.tokens().vocabulary().size();
            int longest = tokens.ids().stream().mapToInt(a -> a.length).max().orElse(0);
            int[][] padded = new int[tokens.size()][longest];
            real = new boolean[tokens.size()][longest];
            for (int b = 0; b < tokens.size(); b++) {
                int[] ids = tokens.ids().get(b);
                for (int t = 0; t < ids.length; t++) {
                    if (ids[t] < 0 || ids[t] >= vocab) {
                        throw new IllegalArgumentException("example " + b + ": token id " + ids[t]
                                + " is outside the model's vocabulary of " + vocab);
                    }
                    padded[b][t] = ids[t];
                    real[b][t] = ids[t] != Embedding.PAD;
                }
            }
            ForwardContext ctx = ForwardContext.inference();
            InputStage stage = InputStage.of(net, Embedding.ids(padded), ctx);
            x = stage.embedded().value();
            mask = ctx.sequenceMask() == null ? null : ctx.sequenceMask().value();
            firstLayer = stage.firstLayer();
        } else if (inputs instanceof AttributionInputs.Images images) {
            if (!(model.input() instanceof io.gradlens.nn.InputSpec.Image img)) {
                throw new IllegalArgumentException("this model reads " + model.describeInput() + ", not images");
            }
            if (img.height() != images.height() || img.width() != images.width()
                    || img.channels() != images.channels()) {
                throw new IllegalArgumentException("the images are " + images.height() + "x" + images.width() + "x"
                        + images.channels() + " but the model reads " + model.describeInput());
            }
            int n = img.size();
            double[] flat = new double[images.size() * n];
            for (int b = 0; b < images.size(); b++) {
                float[] p = images.pixels().get(b);
                for (int i = 0; i < n; i++) {
                    flat[b * n + i] = p[i];
                }
            }
            x = Nd4j.create(flat, new long[] {images.size(), img.height(), img.width(), img.channels()}, 'c')
                    .castTo(dtype);
        } else {
            AttributionInputs.Numeric numeric = (AttributionInputs.Numeric) inputs;
            if (!(model.input() instanceof io.gradlens.nn.InputSpec.Numeric spec)
                    || !Arrays.equals(spec.shape(), numeric.shape())) {
                throw new IllegalArgumentException("the rows are numeric " + Arrays.toString(numeric.shape())
                        + " but the model reads " + model.describeInput());
            }
            int n = numeric.rows().get(0).length;
            double[] flat = new double[numeric.size() * n];
            for (int b = 0; b < numeric.size(); b++) {
                System.arraycopy(numeric.rows().get(b), 0, flat, b * n, n);
            }
            long[] shape = new long[numeric.shape().length + 1];
            shape[0] = numeric.size();
            System.arraycopy(numeric.shape(), 0, shape, 1, numeric.shape().length);
            x = Nd4j.create(flat, shape, 'c').castTo(dtype);
        }
        ForwardContext ctx = ForwardContext.inference();
        ctx.setSequenceMask(mask == null ? null : Tensor.constant(mask));
        Tensor logits = net.forward(Tensor.constant(x), ctx, firstLayer, net.layers().size());
        if (logits.rank() != 2) {
            throw new IllegalArgumentException("attributions explain one output per class, [batch, classes], but "
                    + "this model outputs " + Arrays.toString(Arrays.copyOfRange(logits.shape(), 1, logits.rank()))
                    + " per example (a sequence or map); explain a model whose last layer gives one value per class");
        }
        INDArray probs = NnOps.softmax(logits, 1).value().castTo(DataType.DOUBLE);
        double[][] p = probs.toDoubleMatrix();
        int[] targets = new int[p.length];
        for (int b = 0; b < p.length; b++) {
            int best = 0;
            for (int k = 1; k < p[b].length; k++) {
                if (p[b][k] > p[b][best]) {
                    best = k;
                }
            }
            targets[b] = target.resolve(best, model.numClasses());
        }
        return new PreparedBatch(model, inputs, firstLayer, x, mask, real, p, targets);
    }

    /** A hash of example b's content (ids without PAD, pixels or values), independent of its batch. */
    int contentHash(int b) {
        if (inputs instanceof AttributionInputs.Tokens t) {
            return Arrays.hashCode(Arrays.stream(t.ids().get(b)).filter(id -> id != Embedding.PAD).toArray());
        }
        if (inputs instanceof AttributionInputs.Images im) {
            return Arrays.hashCode(im.pixels().get(b));
        }
        return Arrays.hashCode(((AttributionInputs.Numeric) inputs).rows().get(b));
    }

    /** Zeros of the input's shape and type. */
    INDArray zeros() {
        return Nd4j.zeros(x.dataType(), x.shape());
    }

    /** {@code a} with padding positions set to zero (text); {@code a} itself otherwise. */
    INDArray masked(INDArray a) {
        if (mask == null) {
            return a;
        }
        return a.mul(mask.reshape(mask.size(0), mask.size(1), 1).castTo(a.dataType()));
    }

    /**
     * Reduces element scores shaped like {@link #x} to one record per example: per token (over the
     * embedding axis), per pixel (over channels) or per feature. Padding is dropped; explicit PAD
     * ids score exactly 0.
     */
    List<Attribution> toAttributions(INDArray elementScores, Aggregation aggregation, String method,
                                     Map<String, Object> parameters, List<Map<String, Double>> diagnostics) {
        double[] flat = elementScores.castTo(DataType.DOUBLE).dup('c').data().asDouble();
        List<Attribution> out = new ArrayList<>(size());
        int perExample = (int) (x.length() / size());
        for (int b = 0; b < size(); b++) {
            int base = b * perExample;
            Map<String, Double> diag = diagnostics == null ? Map.of() : diagnostics.get(b);
            if (inputs instanceof AttributionInputs.Tokens tokens) {
                int e = (int) x.size(2);
                int[] ids = tokens.ids().get(b);
                double[] scores = new double[ids.length];
                for (int t = 0; t < ids.length; t++) {
                    scores[t] = real[b][t] ? aggregation.reduce(flat, base + t * e, e) : 0.0;
                }
                out.add(new TokenAttribution(tokens.tokens().get(b), ids, scores, targets[b], probabilities[b], method,
                        parameters, diag));
            } else if (inputs instanceof AttributionInputs.Images images) {
                int c = images.channels();
                double[] scores = new double[images.height() * images.width()];
                for (int i = 0; i < scores.length; i++) {
                    scores[i] = aggregation.reduce(flat, base + i * c, c);
                }
                out.add(new PixelAttribution(images.height(), images.width(), c, scores, targets[b], probabilities[b],
                        method, parameters, diag));
            } else {
                double[] scores = Arrays.copyOfRange(flat, base, base + perExample);
                out.add(new FeatureAttribution(((AttributionInputs.Numeric) inputs).shape(), scores, targets[b],
                        probabilities[b], method, parameters, diag));
            }
        }
        return out;
    }
}
