package io.gradlens.explain;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The one gradient every saliency method is built on: for a batch of (possibly modified) inputs
 * {@code x} [N, …], the explained output {@code f_n} of each row and {@code ∂f_n/∂x_n}, from one
 * tape pass over the batch (rows are independent, so the gradient of {@code Σ_n f_n} with respect
 * to row n is row n's own gradient). Weights are not watched, so their gradients cost nothing.
 */
final class InputGradient {

    /** Rows per tape pass when a method stacks several variants of a batch (memory bound). */
    static final int MAX_ROWS = 128;

    /**
     * @param gradient ∂f_n/∂x_n, shaped like x
     * @param values   f_n per row
     */
    record Evaluation(INDArray gradient, double[] values) {
    }

    private InputGradient() {
    }

    static Evaluation evaluate(Sequential network, int firstLayer, INDArray x, INDArray mask, int[] targets,
                               ExplainedOutput output) {
        Tensor input = Tensor.constant(x);
        try (GradientTape tape = GradientTape.open(false, false)) {
            tape.watch(input);
            ForwardContext ctx = ForwardContext.inference();
            ctx.setSequenceMask(mask == null ? null : Tensor.constant(mask));
            Tensor logits = network.forward(input, ctx, firstLayer, network.layers().size());
            Tensor scores = output == ExplainedOutput.LOGIT ? logits : NnOps.logSoftmax(logits, 1);
            Tensor picked = NnOps.pick(scores, targets);
            Tensor g = tape.gradient(Ops.sum(picked, false), input);
            return new Evaluation(g.value(), picked.value().castTo(DataType.DOUBLE).toDoubleVector());
        }
    }

    /** The gradient of the batch's own inputs. */
    static Evaluation evaluate(PreparedBatch batch, ExplainedOutput output) {
        return evaluate(batch.network, batch.firstLayer, batch.x, batch.mask, batch.targets, output);
    }

    /**
     * Evaluates several variants of the batch's input (each shaped like {@code batch.x}) stacked
     * along the batch axis in one pass; returns one evaluation per variant.
     */
    static Evaluation[] evaluateStacked(PreparedBatch batch, List<INDArray> variants, ExplainedOutput output) {
        int k = variants.size();
        int b = batch.size();
        INDArray stacked = Nd4j.concat(0, variants.toArray(new INDArray[0]));
        INDArray mask = null;
        if (batch.mask != null) {
            INDArray[] masks = new INDArray[k];
            java.util.Arrays.fill(masks, batch.mask);
            mask = Nd4j.concat(0, masks);
        }
        int[] targets = new int[k * b];
        for (int i = 0; i < k; i++) {
            System.arraycopy(batch.targets, 0, targets, i * b, b);
        }
        Evaluation all = evaluate(batch.network, batch.firstLayer, stacked, mask, targets, output);
        Evaluation[] out = new Evaluation[k];
        for (int i = 0; i < k; i++) {
            INDArray g = all.gradient().get(org.nd4j.linalg.indexing.NDArrayIndex.interval(i * b, (i + 1) * b)).dup();
            out[i] = new Evaluation(g, java.util.Arrays.copyOfRange(all.values(), i * b, (i + 1) * b));
        }
        return out;
    }

    /** How many variants of a batch of {@code batchSize} fit in one pass. */
    static int variantsPerPass(int batchSize) {
        return Math.max(1, MAX_ROWS / Math.max(1, batchSize));
    }
}
