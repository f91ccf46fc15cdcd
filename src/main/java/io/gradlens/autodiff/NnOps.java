package io.gradlens.autodiff;

import java.util.Arrays;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Differentiable neural-network operations: softmax and log-softmax, per-row selection of a
 * class, embedding lookup with its scatter-add adjoint, the patch extraction that convolution and
 * pooling are built on, and dropout with a recorded mask. Like {@link Ops}, every backward rule is
 * made of recorded operations.
 */
public final class NnOps {

    private NnOps() {
    }

    /** Softmax along {@code axis}, computed stably. */
    public static Tensor softmax(Tensor x, int axis) {
        int ax = axis < 0 ? axis + x.rank() : axis;
        INDArray shifted = x.value().sub(Ops.materialize(x.value().max(true, ax), x.shape()));
        INDArray e = org.nd4j.linalg.ops.transforms.Transforms.exp(shifted, false);
        INDArray value = e.divi(Ops.materialize(e.sum(true, ax), x.shape()));
        Tensor[] self = new Tensor[1];
        // p ⊙ (g − Σ_j g_j p_j), written as p ⊙ (g ⊙ Σ_{j≠i} p_j − Σ_{j≠i} g_j p_j): the plain form
        // cancels catastrophically in float32 when one p_i rounds to 1 (see logSoftmax).
        self[0] = Ops.result("softmax", value, (g, need) -> new Tensor[] {
            Ops.mul(self[0], Ops.sub(Ops.mul(g, sumOfOthers(self[0], ax)),
                    sumOfOthers(Ops.mul(g, self[0]), ax)))}, x);
        return self[0];
    }

    /**
     * A fully connected layer as one operation: {@code y = x · kernel + bias}, then {@code max(y, 0)}
     * when {@code relu}, for {@code x} [B, in], {@code kernel} [in, out] and {@code bias} [out] (or
     * null). The product, the bias and the rectifier run in place on one array, where the op-by-op
     * form makes three arrays and three tape entries.
     *
     * <p>The backward rule is the closed form with {@code ĝ = g ⊙ 1[y > 0]} (or {@code g}):
     * {@code ∂x = ĝ · kernelᵀ}, {@code ∂kernel = xᵀ · ĝ}, {@code ∂bias = Σ_rows ĝ}, written with
     * recorded operations, so an outer tape differentiates it again (double backpropagation, as the
     * input-gradient penalty needs). The rectifier's mask is a constant: its second derivative is
     * zero almost everywhere.
     */
    public static Tensor dense(Tensor x, Tensor kernel, Tensor bias, boolean relu) {
        Ops.sameType("dense", x, kernel);
        if (x.rank() != 2 || kernel.rank() != 2 || x.size(1) != kernel.size(0)) {
            throw new IllegalArgumentException("dense needs x [B, in] and kernel [in, out], got "
                    + Arrays.toString(x.shape()) + " and " + Arrays.toString(kernel.shape()));
        }
        if (bias != null && (bias.rank() != 1 || bias.size(0) != kernel.size(1))) {
            throw new IllegalArgumentException("dense: bias must be [" + kernel.size(1) + "], got "
                    + Arrays.toString(bias.shape()));
        }
        INDArray y = Nd4j.gemm(x.value(), kernel.value(), false, false);
        if (bias != null) {
            Ops.sameType("dense", x, bias);
            y.addiRowVector(bias.value());
        }
        Tensor mask = null;
        if (relu) {
            mask = Tensor.constant(y.gt(0.0).castTo(y.dataType()));
            org.nd4j.linalg.ops.transforms.Transforms.relu(y, false);
        }
        Tensor active = mask;
        BackwardRule rule = (g, need) -> {
            Tensor gy = active == null ? g : Ops.mul(g, active);
            Tensor[] grads = new Tensor[need.length];
            grads[0] = need[0] ? Ops.matmul(gy, kernel, false, true) : null;
            grads[1] = need[1] ? Ops.matmul(x, gy, true, false) : null;
            if (need.length > 2 && need[2]) {
                grads[2] = Ops.sum(gy, false, 0);
            }
            return grads;
        };
        return bias == null ? Ops.result("dense", y, rule, x, kernel) : Ops.result("dense", y, rule, x, kernel, bias);
    }

    /**
     * Softmax cross-entropy averaged over the batch, {@code −(1/B) Σ_n log softmax(z_n)[y_n]}, for
     * logits [B, C] and B labels, as one operation: the log-sum-exp, the loss and the closed-form
     * gradient {@code (softmax(z) − onehot(y)) / B} are computed in one pass in double precision,
     * where the op-by-op form (log-softmax, pick, mean) makes about sixty ND4J calls per step.
     * {@code p_y − 1} is taken as {@code −Σ_{j≠y} p_j}, so a confident prediction keeps its
     * gradient's relative accuracy (see {@link #logSoftmax}).
     *
     * <p>When no tape records the backward pass (plain training, the outer loss of the input-gradient
     * penalty), the backward rule scales the stored gradient by the upstream scalar. When one does
     * (a higher derivative is wanted), it rebuilds the same gradient from recorded operations,
     * {@code (softmax(z) − onehot(y)) / B · g}, so the result differentiates again.
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        if (logits.rank() != 2 || logits.size(0) != labels.length) {
            throw new IllegalArgumentException("cross-entropy needs logits [B, C] and B labels, got "
                    + Arrays.toString(logits.shape()) + " and " + labels.length + " labels");
        }
        if (!logits.isFloatingPoint()) {
            throw new IllegalArgumentException("cross-entropy needs floating-point logits, got " + logits.dtype());
        }
        int rows = labels.length;
        int classes = (int) logits.size(1);
        for (int n = 0; n < rows; n++) {
            if (labels[n] < 0 || labels[n] >= classes) {
                throw new IllegalArgumentException("cross-entropy: label " + labels[n] + " at row " + n
                        + " is out of range [0, " + classes + ")");
            }
        }
        ArrayAccess z = ArrayAccess.reading(logits.value());
        double[] delta = new double[rows * classes];
        double[] p = new double[classes];
        double loss = 0;
        for (int n = 0; n < rows; n++) {
            int at = n * classes;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < classes; k++) {
                max = Math.max(max, z.get(at + k));
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                p[k] = Math.exp(z.get(at + k) - max);
                sum += p[k];
            }
            int y = labels[n];
            loss -= z.get(at + y) - max - Math.log(sum);
            double others = 0;
            for (int k = 0; k < classes; k++) {
                p[k] /= sum;
                if (k != y) {
                    others += p[k];
                    delta[at + k] = p[k] / rows;
                }
            }
            delta[at + y] = -others / rows;
        }
        INDArray gradient = Nd4j.create(delta, new long[] {rows, classes}, 'c').castTo(logits.dtype());
        INDArray value = Nd4j.scalar(logits.dtype(), loss / rows);
        return Ops.result("softmaxCrossEntropy", value, (g, need) -> {
            if (ActiveTapes.recordingCount() == 0) {
                return new Tensor[] {Tensor.constant(gradient.mul(g.value().getDouble(0)))};
            }
            INDArray oneHot = Nd4j.zeros(logits.dtype(), rows, classes);
            for (int n = 0; n < rows; n++) {
                oneHot.putScalar(n, labels[n], 1.0);
            }
            Tensor d = Ops.mulScalar(Ops.sub(softmax(logits, 1), Tensor.constant(oneHot)), 1.0 / rows);
            return new Tensor[] {Ops.mul(d, Ops.broadcastTo(g, d.shape()))};
        }, logits);
    }

    /**
     * Log-softmax along {@code axis}, computed stably: {@code x - max - log Σ exp(x - max)}.
     *
     * <p>The backward rule {@code g − p Σg} is evaluated as {@code g ⊙ (1 − p) − p ⊙ Σ_{j≠i} g_j}
     * with {@code 1 − p_i} taken as {@code Σ_{j≠i} p_j} ({@link #sumOfOthers}). On a confident
     * prediction, float32 rounds {@code p_t} to 1 and the plain form returns 0 for {@code 1 − p_t}
     * (absolute error ~6e-8), so the gradient of {@code log p_t} loses all relative accuracy exactly
     * where users look first; the other classes' probabilities keep it. The rule is made of recorded
     * ops, so higher orders stay exact.
     */
    public static Tensor logSoftmax(Tensor x, int axis) {
        int ax = axis < 0 ? axis + x.rank() : axis;
        INDArray shifted = x.value().sub(Ops.materialize(x.value().max(true, ax), x.shape()));
        INDArray logSum = org.nd4j.linalg.ops.transforms.Transforms.log(
                org.nd4j.linalg.ops.transforms.Transforms.exp(shifted, true).sum(true, ax), false);
        INDArray value = shifted.subi(Ops.materialize(logSum, x.shape()));
        Tensor[] self = new Tensor[1];
        self[0] = Ops.result("logSoftmax", value, (g, need) -> {
            Tensor p = Ops.exp(self[0]);
            return new Tensor[] {Ops.sub(Ops.mul(g, sumOfOthers(p, ax)), Ops.mul(p, sumOfOthers(g, ax)))};
        }, x);
        return self[0];
    }

    /**
     * {@code out_i = Σ_{j≠i} x_j} along {@code axis}, without the cancellation of {@code Σx − x_i}
     * where {@code x_i} dominates its row: for the entries of largest magnitude the sum runs over
     * the others directly. Mathematically {@code Σx − x_i}; its Jacobian {@code 11ᵀ − I} is
     * symmetric, so the backward rule is the same operation on the output gradient.
     */
    public static Tensor sumOfOthers(Tensor x, int axis) {
        int ax = axis < 0 ? axis + x.rank() : axis;
        long[] shape = x.shape();
        INDArray v = x.value();
        if (x.length() > 0 && x.length() <= SMALL_SUM_OF_OTHERS && v.dataType().isFPType()) {
            return Ops.result("sumOfOthers", sumOfOthersInJava(v, shape, ax), (g, need) -> new Tensor[] {
                sumOfOthers(g, ax)}, x);
        }
        INDArray magnitude = org.nd4j.linalg.ops.transforms.Transforms.abs(v, true);
        INDArray dominant = magnitude.eq(Ops.materialize(magnitude.max(true, ax), shape)).castTo(v.dataType());
        INDArray rest = dominant.rsub(1.0);
        // A dominant entry gets the sum of the non-dominant entries plus that of the other dominant
        // ones (ties): exactly 0 for a single peak, never a difference with the peak itself.
        INDArray nonDominantSum = Ops.materialize(v.mul(rest).sum(true, ax), shape);
        INDArray dominantSum = Ops.materialize(v.mul(dominant).sum(true, ax), shape);
        INDArray forDominant = nonDominantSum.add(dominantSum.sub(v));
        INDArray forRest = Ops.materialize(v.sum(true, ax), shape).subi(v);
        INDArray value = forDominant.muli(dominant).addi(forRest.muli(rest));
        return Ops.result("sumOfOthers", value, (g, need) -> new Tensor[] {sumOfOthers(g, ax)}, x);
    }

    /**
     * Arrays up to this many elements take {@link #sumOfOthersInJava}: for a batch of logits the
     * twenty ND4J calls of the array form cost ~35 µs each, the loop a few µs in all.
     */
    static final long SMALL_SUM_OF_OTHERS = 1 << 16;

    /**
     * {@link #sumOfOthers}'s value as one loop over each line along {@code axis}, accumulated in
     * double: the same rule (entries of largest magnitude get the sum of the others, every other
     * entry the line's sum minus itself).
     */
    static INDArray sumOfOthersInJava(INDArray v, long[] shape, int axis) {
        int len = (int) shape[axis];
        int inner = 1;
        for (int d = axis + 1; d < shape.length; d++) {
            inner *= (int) shape[d];
        }
        int outer = (int) (Shapes.product(shape) / Math.max(1, (long) len * inner));
        ArrayAccess in = ArrayAccess.reading(v);
        double[] out = new double[outer * len * inner];
        for (int o = 0; o < outer; o++) {
            for (int i = 0; i < inner; i++) {
                int base = o * len * inner + i;
                double peak = 0;
                for (int k = 0; k < len; k++) {
                    peak = Math.max(peak, Math.abs(in.get(base + k * inner)));
                }
                double dominantSum = 0;
                double restSum = 0;
                for (int k = 0; k < len; k++) {
                    double e = in.get(base + k * inner);
                    if (Math.abs(e) == peak) {
                        dominantSum += e;
                    } else {
                        restSum += e;
                    }
                }
                for (int k = 0; k < len; k++) {
                    int at = base + k * inner;
                    double e = in.get(at);
                    out[at] = Math.abs(e) == peak ? restSum + (dominantSum - e) : (restSum + dominantSum) - e;
                }
            }
        }
        return Nd4j.create(out, shape, 'c').castTo(v.dataType());
    }

    /**
     * Selects one entry per row: {@code out[n] = x[n, index[n]]} for {@code x} of shape [N, C]
     * (the logit or log-probability of class {@code index[n]}).
     */
    public static Tensor pick(Tensor x, int[] index) {
        if (x.rank() != 2 || x.size(0) != index.length) {
            throw new IllegalArgumentException("pick needs x of shape [N, C] and N indices, got "
                    + Arrays.toString(x.shape()) + " and " + index.length);
        }
        long classes = x.size(1);
        INDArray oneHot = Nd4j.zeros(x.dtype(), x.shape());
        for (int n = 0; n < index.length; n++) {
            if (index[n] < 0 || index[n] >= classes) {
                throw new IllegalArgumentException("pick: index " + index[n] + " at row " + n
                        + " is out of range [0, " + classes + ")");
            }
            oneHot.putScalar(n, index[n], 1.0);
        }
        Tensor mask = Tensor.constant(oneHot);
        long rows = index.length;
        return Ops.result("pick", x.value().mul(oneHot).sum(1), (g, need) -> new Tensor[] {
            Ops.mul(Ops.reshape(g, rows, 1), mask)}, x);
    }

    /**
     * Embedding lookup: row {@code ids[i]} of {@code table} [V, E] for every id; the result has
     * shape {@code idShape + [E]}. The gradient with respect to the table is a scatter-add, exact
     * for repeated ids. The ids themselves have no gradient.
     */
    public static Tensor embedding(Tensor table, int[] ids, long... idShape) {
        if (table.rank() != 2) {
            throw new IllegalArgumentException("embedding table must be [V, E], got " + Arrays.toString(table.shape()));
        }
        if (Shapes.product(idShape) != ids.length) {
            throw new IllegalArgumentException("embedding: " + ids.length + " ids do not fill shape "
                    + Arrays.toString(idShape));
        }
        long vocab = table.size(0);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] < 0 || ids[i] >= vocab) {
                throw new IllegalArgumentException("embedding: token id " + ids[i] + " at position " + i
                        + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        long dim = table.size(1);
        long[] outShape = Arrays.copyOf(idShape, idShape.length + 1);
        outShape[idShape.length] = dim;
        INDArray rows = Nd4j.pullRows(table.value(), 1, ids);
        return Ops.result("embedding", rows.reshape('c', outShape), (g, need) -> new Tensor[] {
            scatterAddRows(Ops.reshape(g, ids.length, dim), ids, vocab)}, table);
    }

    /**
     * {@code out[ids[i]] += rows[i]} into a zero tensor of {@code vocab} rows: the adjoint of
     * {@link #embedding}. Summed in Java over the rows so repeated ids accumulate exactly.
     */
    public static Tensor scatterAddRows(Tensor rows, int[] ids, long vocab) {
        long dim = rows.size(1);
        int d = Math.toIntExact(dim);
        INDArray out;
        if (rows.dtype() == DataType.DOUBLE) {
            double[] src = rows.value().dup('c').data().asDouble();
            double[] acc = new double[Math.toIntExact(vocab * dim)];
            for (int i = 0; i < ids.length; i++) {
                int base = ids[i] * d;
                int from = i * d;
                for (int k = 0; k < d; k++) {
                    acc[base + k] += src[from + k];
                }
            }
            out = Nd4j.create(acc, new long[] {vocab, dim}, 'c');
        } else {
            float[] src = rows.value().dup('c').data().asFloat();
            float[] acc = new float[Math.toIntExact(vocab * dim)];
            for (int i = 0; i < ids.length; i++) {
                int base = ids[i] * d;
                int from = i * d;
                for (int k = 0; k < d; k++) {
                    acc[base + k] += src[from + k];
                }
            }
            out = Nd4j.create(acc, new long[] {vocab, dim}, 'c').castTo(rows.dtype());
        }
        return Ops.result("scatterAddRows", out, (g, need) -> new Tensor[] {embedding(g, ids, ids.length)}, rows);
    }

    /**
     * Extracts sliding patches of a channels-last image batch [N, H, W, C]: the result [N, OH, OW,
     * KH, KW, C] holds at {@code [n, i, j]} the (dilated) window whose top-left corner is at
     * {@code (i·sh, j·sw)}. No padding: pad with {@link Ops#padInto} first. Convolution is a
     * matrix product with these patches; max pooling is a max over them.
     */
    public static Tensor patches(Tensor x, PatchGeometry geometry) {
        geometry.check(x.shape());
        INDArray value = WindowKernels.im2col(x.value(), geometry).reshape('c', geometry.n(), geometry.outH(),
                geometry.outW(), geometry.kh(), geometry.kw(), geometry.channels());
        return Ops.result("patches", value, (g, need) -> new Tensor[] {foldPatches(g, geometry)}, x);
    }

    /**
     * The adjoint of {@link #patches}: sums every patch element back onto the image position it
     * came from, giving [N, H, W, C].
     */
    public static Tensor foldPatches(Tensor patches, PatchGeometry geometry) {
        long[] expected = {geometry.n(), geometry.outH(), geometry.outW(), geometry.kh(), geometry.kw(),
            geometry.channels()};
        if (!Arrays.equals(patches.shape(), expected)) {
            throw new IllegalArgumentException("foldPatches: patches of shape " + Arrays.toString(patches.shape())
                    + " do not match the geometry " + Arrays.toString(expected));
        }
        long rows = (long) geometry.n() * geometry.outH() * geometry.outW();
        INDArray value = WindowKernels.col2im(patches.value().reshape('c', rows, patches.length() / rows), geometry);
        return Ops.result("foldPatches", value, (g, need) -> new Tensor[] {patches(g, geometry)}, patches);
    }

    /**
     * Inverted dropout: zeroes each element with probability {@code rate} and scales the rest by
     * {@code 1/(1-rate)}. The mask is drawn from {@code random} and recorded, so backward passes
     * (of any order) use the same mask.
     */
    public static Tensor dropout(Tensor x, double rate, Random random) {
        if (rate < 0 || rate >= 1) {
            throw new IllegalArgumentException("dropout rate must be in [0, 1), got " + rate);
        }
        if (rate == 0) {
            return x;
        }
        double keep = 1.0 - rate;
        int n = Math.toIntExact(x.length());
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = random.nextDouble() < keep ? 1.0 / keep : 0.0;
        }
        Tensor mask = Tensor.constant(Nd4j.create(m, x.shape(), 'c').castTo(x.dtype()));
        return Ops.mul(x, mask);
    }

    /**
     * One fused LSTM step {@code {h, c}} from the projected input {@code x} [B, 4H], the recurrent
     * part {@code r = h_{t-1}·U} [B, 4H] and the previous cell state [B, H]; see {@link
     * RecurrentOps#lstmCell} for the math and the fused backward rule.
     */
    public static Tensor[] lstmCell(Tensor x, Tensor r, Tensor cPrev, RecurrentOps.Gate gate) {
        return RecurrentOps.lstmCell(x, r, cPrev, gate);
    }
}
