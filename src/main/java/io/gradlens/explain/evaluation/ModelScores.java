package io.gradlens.explain.evaluation;

import io.gradlens.autodiff.Tensor;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scores many (perturbed) inputs in few large forward passes: the metrics put every variant of
 * every example into one {@link AttributionInputs} and read here, chunk by chunk, the explained
 * class's {@link Scale scaled} output. One forward pass per chunk, because each small ND4J call
 * costs about 10 µs through JNI.
 */
public final class ModelScores {

    private final Classifier model;
    private final int batchSize;

    /**
     * @param model     the classifier scored
     * @param batchSize inputs per forward pass (≥ 1)
     */
    public ModelScores(Classifier model, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("--batch-size must be ≥ 1, got " + batchSize);
        }
        if (model.head() == Classifier.Head.LINEAR) {
            throw new IllegalArgumentException("faithfulness metrics read class probabilities; this model's outputs "
                    + "are plain values");
        }
        this.model = model;
        this.batchSize = batchSize;
    }

    /** The classifier scored. */
    public Classifier model() {
        return model;
    }

    /** The batch size. */
    public int batchSize() {
        return batchSize;
    }

    /**
     * Output {@code scale} of class {@code targets[i]} for input {@code i}.
     *
     * @param targets one class per input
     */
    public double[] of(AttributionInputs inputs, int[] targets, Scale scale) {
        if (targets.length != inputs.size()) {
            throw new IllegalArgumentException(inputs.size() + " inputs but " + targets.length + " targets");
        }
        double[] out = new double[inputs.size()];
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(inputs.size(), from + batchSize);
            double[][] s = chunk(inputs.range(from, to), scale);
            for (int i = from; i < to; i++) {
                out[i] = s[i - from][targets[i]];
            }
        }
        return out;
    }

    /** The class probabilities [N][C] of every input. */
    public double[][] probabilities(AttributionInputs inputs) {
        double[][] out = new double[inputs.size()][];
        for (int from = 0; from < inputs.size(); from += batchSize) {
            int to = Math.min(inputs.size(), from + batchSize);
            double[][] s = chunk(inputs.range(from, to), Scale.PROBABILITY);
            System.arraycopy(s, 0, out, from, to - from);
        }
        return out;
    }

    private double[][] chunk(AttributionInputs inputs, Scale scale) {
        Tensor x = tensor(inputs);
        INDArray values = switch (scale) {
            case PROBABILITY -> model.probabilities(x);
            case LOG_PROBABILITY -> org.nd4j.linalg.ops.transforms.Transforms.log(model.probabilities(x), true);
            case LOGIT -> model.network().forward(x, ForwardContext.inference()).value();
        };
        return values.castTo(DataType.DOUBLE).toDoubleMatrix();
    }

    private Tensor tensor(AttributionInputs inputs) {
        DataType dtype = model.network().dtype();
        if (inputs instanceof AttributionInputs.Tokens t) {
            int longest = t.ids().stream().mapToInt(a -> a.length).max().orElse(0);
            int[][] padded = new int[t.size()][longest];
            for (int b = 0; b < t.size(); b++) {
                int[] ids = t.ids().get(b);
                System.arraycopy(ids, 0, padded[b], 0, ids.length);
            }
            return Embedding.ids(padded);
        }
        if (inputs instanceof AttributionInputs.Images im) {
            int n = im.height() * im.width() * im.channels();
            float[] flat = new float[im.size() * n];
            for (int b = 0; b < im.size(); b++) {
                System.arraycopy(im.pixels().get(b), 0, flat, b * n, n);
            }
            return Tensor.constant(Nd4j.create(flat, new long[] {im.size(), im.height(), im.width(), im.channels()},
                    'c').castTo(dtype));
        }
        AttributionInputs.Numeric num = (AttributionInputs.Numeric) inputs;
        int n = num.rows().get(0).length;
        double[] flat = new double[num.size() * n];
        for (int b = 0; b < num.size(); b++) {
            System.arraycopy(num.rows().get(b), 0, flat, b * n, n);
        }
        long[] shape = new long[num.shape().length + 1];
        shape[0] = num.size();
        System.arraycopy(num.shape(), 0, shape, 1, num.shape().length);
        return Tensor.constant(Nd4j.create(flat, shape, 'c').castTo(dtype));
    }
}
