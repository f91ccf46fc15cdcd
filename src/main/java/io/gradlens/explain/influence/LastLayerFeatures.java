package io.gradlens.explain.influence;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Dense;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Layer;
import io.gradlens.nn.Sequential;
import io.gradlens.train.ExampleSet;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.Map;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The penultimate features of a classifier whose last layer is a {@link Dense} layer: {@code f_i},
 * the input of that layer, with a constant 1 appended so the bias is part of the linear map
 * ({@code logits = f̃ · Θ}, {@code Θ = [kernel; bias]}). Both influence methods of this package
 * work on these features: representer points (Yeh et al., NeurIPS 2018,
 * https://arxiv.org/abs/1811.09720) and last-layer TracIn (Pruthi et al., NeurIPS 2020,
 * https://arxiv.org/abs/2002.08484).
 *
 * @param features [n, d + 1] float64, last column 1
 * @param logits   [n, C] float64, the model's pre-activation outputs of its last layer
 * @param labels   the examples' labels
 */
public record LastLayerFeatures(INDArray features, INDArray logits, int[] labels) {

    /** Examples per forward pass. */
    public static final int BATCH = 256;

    /** Number of examples. */
    public int size() {
        return (int) features.size(0);
    }

    /** Feature width including the bias column. */
    public int width() {
        return (int) features.size(1);
    }

    /** Number of classes. */
    public int classes() {
        return (int) logits.size(1);
    }

    /** Softmax of the logits, [n, C]. */
    public INDArray probabilities() {
        return softmax(logits);
    }

    /** Row-wise softmax of a float64 matrix, a new array (its temporaries are closed). */
    static INDArray softmax(INDArray z) {
        INDArray max = z.max(1);
        INDArray shifted = z.subColumnVector(max.reshape(z.size(0), 1));
        max.close();
        INDArray e = org.nd4j.linalg.ops.transforms.Transforms.exp(shifted, false);
        INDArray sum = e.sum(1);
        e.diviColumnVector(sum.reshape(z.size(0), 1));
        sum.close();
        return e;
    }

    /** The last layer of {@code model}, which must be dense; otherwise an exception saying so. */
    public static Dense lastDense(Sequential model) {
        Layer last = model.layer(model.layers().size() - 1);
        if (!(last instanceof Dense dense)) {
            throw new IllegalArgumentException("influence methods need a model whose last layer is dense; '"
                    + last.name() + "' is " + last.type());
        }
        return dense;
    }

    /** {@code Θ = [kernel; bias]}, [d + 1, C] float64, of the last dense layer of {@code model}. */
    public static INDArray lastLayerWeights(Sequential model) {
        Map<String, Tensor> p = lastDense(model).parameters();
        INDArray kernel = p.get("kernel").value().castTo(DataType.DOUBLE);
        INDArray bias = p.get("bias").value().castTo(DataType.DOUBLE).reshape(1, kernel.size(1));
        return Nd4j.vstack(kernel, bias);
    }

    /**
     * Runs {@code model} (inference mode) over {@code data} in batches and keeps the input of its
     * last dense layer and that layer's pre-activation output.
     */
    public static LastLayerFeatures compute(Sequential model, ExampleSet data) {
        return compute(model, data, ProgressListener.NONE, CancellationToken.NONE);
    }

    /**
     * As {@link #compute(Sequential, ExampleSet)}, reporting each batch to {@code progress} and
     * checking {@code cancel} before it.
     *
     * @throws CancellationToken.CancelledException when cancelled
     */
    public static LastLayerFeatures compute(Sequential model, ExampleSet data, ProgressListener progress,
                                            CancellationToken cancel) {
        int n = data.size();
        int last = model.layers().size() - 1;
        INDArray theta = lastLayerWeights(model);
        int d = (int) theta.size(0) - 1;
        INDArray features = Nd4j.ones(DataType.DOUBLE, n, d + 1);
        int[] labels = new int[n];
        for (int from = 0; from < n; from += BATCH) {
            cancel.throwIfCancelled();
            int to = Math.min(n, from + BATCH);
            io.gradlens.train.Batch batch = data.range(from, to);
            Tensor f = model.forward(asModelType(model, batch.input()), ForwardContext.inference(), 0, last);
            if (f.rank() != 2 || f.size(1) != d) {
                throw new IllegalArgumentException("the last dense layer must see one feature vector per example; "
                        + "it sees " + java.util.Arrays.toString(f.shape()));
            }
            INDArray batchFeatures = f.value().castTo(DataType.DOUBLE);
            features.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(from, to),
                    org.nd4j.linalg.indexing.NDArrayIndex.interval(0, d)).assign(batchFeatures);
            if (batchFeatures != f.value()) {
                batchFeatures.close(); // the float64 copy of one batch, dead once copied into the matrix
            }
            System.arraycopy(batch.labels(), 0, labels, from, to - from);
            progress.progress(to, n, String.format(java.util.Locale.ROOT, "Last-layer features %,d/%,d", to, n));
        }
        return new LastLayerFeatures(features, features.mmul(theta), labels);
    }

    /** {@code input} in the model's floating-point type (token ids stay integers). */
    static Tensor asModelType(Sequential model, Tensor input) {
        if (!input.isFloatingPoint() || input.dtype() == model.dtype()) {
            return input;
        }
        return Tensor.constant(input.value().castTo(model.dtype()));
    }

    /** Rows {@code indices} of this feature set. */
    public LastLayerFeatures rows(int[] indices) {
        int[] y = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            y[i] = labels[indices[i]];
        }
        return new LastLayerFeatures(features.getRows(indices), logits.getRows(indices), y);
    }
}
