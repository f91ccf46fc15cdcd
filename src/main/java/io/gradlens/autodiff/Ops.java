package io.gradlens.autodiff;

import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The differentiable tensor algebra: arithmetic with NumPy broadcasting, elementwise functions,
 * reductions and shape operations. Neural-network operations (softmax, embedding lookup,
 * convolution, pooling, dropout) are in {@link NnOps}.
 *
 * <p>Every backward rule is written with these same operations, so gradients are recorded by an
 * outer tape and can be differentiated again. Piecewise functions (relu, abs, max, hard sigmoid)
 * use a constant mask in their rule: their second derivative is zero almost everywhere, as it
 * should be.
 */
public final class Ops {

    private Ops() {
    }

    static Tensor result(String op, INDArray value, BackwardRule rule, Tensor... inputs) {
        return ActiveTapes.record(op, value, rule, inputs);
    }

    static void sameType(String op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op + ": operands have different types " + a.dtype() + " and "
                    + b.dtype() + " (" + a.describe() + ", " + b.describe() + ")");
        }
    }

    private static void floating(String op, Tensor a) {
        if (!a.isFloatingPoint()) {
            throw new IllegalArgumentException(op + " needs a floating-point tensor, got " + a.dtype() + " for "
                    + a.describe());
        }
    }

    // ---- broadcasting arithmetic ---------------------------------------------------------------

    private enum Binary { ADD, SUB, MUL, DIV }

    private static INDArray binaryValue(String op, Binary kind, INDArray a, INDArray b) {
        long[] shape = Shapes.broadcast(op, a.shape(), b.shape());
        INDArray left = Arrays.equals(a.shape(), shape) ? a : materialize(a, shape);
        switch (kind) {
            case ADD: return left.add(b);
            case SUB: return left.sub(b);
            case MUL: return left.mul(b);
            default: return left.div(b);
        }
    }

    /** {@code a} broadcast to {@code shape} as a new array. */
    static INDArray materialize(INDArray a, long[] shape) {
        INDArray r = a.rank() == shape.length ? a : a.reshape(Shapes.leftPad(a.shape(), shape.length));
        return Nd4j.zeros(a.dataType(), shape).addi(r);
    }

    /** Sums a broadcast gradient back to the shape of the operand it came from. */
    static Tensor unbroadcast(Tensor g, long[] shape) {
        return Arrays.equals(g.shape(), shape) ? g : sumTo(g, shape);
    }

    /** {@code a + b}, broadcasting. */
    public static Tensor add(Tensor a, Tensor b) {
        sameType("add", a, b);
        return result("add", binaryValue("add", Binary.ADD, a.value(), b.value()), (g, need) -> new Tensor[] {
            need[0] ? unbroadcast(g, a.shape()) : null,
            need[1] ? unbroadcast(g, b.shape()) : null}, a, b);
    }

    /** {@code a - b}, broadcasting. */
    public static Tensor sub(Tensor a, Tensor b) {
        sameType("sub", a, b);
        return result("sub", binaryValue("sub", Binary.SUB, a.value(), b.value()), (g, need) -> new Tensor[] {
            need[0] ? unbroadcast(g, a.shape()) : null,
            need[1] ? unbroadcast(neg(g), b.shape()) : null}, a, b);
    }

    /** {@code a * b} elementwise, broadcasting. */
    public static Tensor mul(Tensor a, Tensor b) {
        sameType("mul", a, b);
        return result("mul", binaryValue("mul", Binary.MUL, a.value(), b.value()), (g, need) -> new Tensor[] {
            need[0] ? unbroadcast(mul(g, b), a.shape()) : null,
            need[1] ? unbroadcast(mul(g, a), b.shape()) : null}, a, b);
    }

    /** {@code a / b} elementwise, broadcasting. */
    public static Tensor div(Tensor a, Tensor b) {
        sameType("div", a, b);
        Tensor[] self = new Tensor[1];
        self[0] = result("div", binaryValue("div", Binary.DIV, a.value(), b.value()), (g, need) -> new Tensor[] {
            need[0] ? unbroadcast(div(g, b), a.shape()) : null,
            need[1] ? unbroadcast(neg(div(mul(g, self[0]), b)), b.shape()) : null}, a, b);
        return self[0];
    }

    /** {@code a + c}. */
    public static Tensor addScalar(Tensor a, double c) {
        floating("addScalar", a);
        return result("addScalar", a.value().add(c), (g, need) -> new Tensor[] {g}, a);
    }

    /** {@code a · c}. */
    public static Tensor mulScalar(Tensor a, double c) {
        floating("mulScalar", a);
        return result("mulScalar", a.value().mul(c), (g, need) -> new Tensor[] {mulScalar(g, c)}, a);
    }

    /** {@code -a}. */
    public static Tensor neg(Tensor a) {
        floating("neg", a);
        return result("neg", a.value().neg(), (g, need) -> new Tensor[] {neg(g)}, a);
    }

    /**
     * Matrix product of two rank-2 tensors, {@code op(a) · op(b)} where {@code op} transposes when
     * asked. The backward rule is four products of the same kind.
     */
    public static Tensor matmul(Tensor a, Tensor b, boolean transposeA, boolean transposeB) {
        sameType("matmul", a, b);
        if (a.rank() != 2 || b.rank() != 2) {
            throw new IllegalArgumentException("matmul needs rank-2 tensors, got " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()) + "; reshape batched inputs to [rows, features]");
        }
        long inner = transposeA ? a.size(0) : a.size(1);
        long innerB = transposeB ? b.size(1) : b.size(0);
        if (inner != innerB) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, " + Arrays.toString(a.shape())
                    + (transposeA ? "ᵀ" : "") + " · " + Arrays.toString(b.shape()) + (transposeB ? "ᵀ" : ""));
        }
        INDArray value = Nd4j.gemm(a.value(), b.value(), transposeA, transposeB);
        return result("matmul", value, (g, need) -> new Tensor[] {
            need[0] ? (transposeA ? matmul(b, g, transposeB, true) : matmul(g, b, false, !transposeB)) : null,
            need[1] ? (transposeB ? matmul(g, a, true, transposeA) : matmul(a, g, !transposeA, false)) : null},
            a, b);
    }

    /** Matrix product {@code a · b} of two rank-2 tensors. */
    public static Tensor matmul(Tensor a, Tensor b) {
        return matmul(a, b, false, false);
    }

    // ---- elementwise functions -----------------------------------------------------------------

    /** {@code e^a}. */
    public static Tensor exp(Tensor a) {
        floating("exp", a);
        Tensor[] self = new Tensor[1];
        self[0] = result("exp", Transforms.exp(a.value(), true), (g, need) -> new Tensor[] {mul(g, self[0])}, a);
        return self[0];
    }

    /** Natural logarithm. */
    public static Tensor log(Tensor a) {
        floating("log", a);
        return result("log", Transforms.log(a.value(), true), (g, need) -> new Tensor[] {div(g, a)}, a);
    }

    /** Hyperbolic tangent; its derivative is {@code 1 - tanh²}. */
    public static Tensor tanh(Tensor a) {
        floating("tanh", a);
        Tensor[] self = new Tensor[1];
        self[0] = result("tanh", Transforms.tanh(a.value(), true),
                (g, need) -> new Tensor[] {mul(g, addScalar(neg(square(self[0])), 1.0))}, a);
        return self[0];
    }

    /** Logistic sigmoid; its derivative is {@code σ(1 - σ)}. */
    public static Tensor sigmoid(Tensor a) {
        floating("sigmoid", a);
        Tensor[] self = new Tensor[1];
        self[0] = result("sigmoid", Transforms.sigmoid(a.value(), true),
                (g, need) -> new Tensor[] {mul(g, mul(self[0], addScalar(neg(self[0]), 1.0)))}, a);
        return self[0];
    }

    /**
     * Keras' hard sigmoid {@code clip(0.2·a + 0.5, 0, 1)} (Keras 2 default recurrent activation of
     * LSTM and GRU).
     */
    public static Tensor hardSigmoid(Tensor a) {
        floating("hardSigmoid", a);
        INDArray lin = a.value().mul(0.2).addi(0.5);
        INDArray value = Transforms.min(Transforms.max(lin, 0.0, false), 1.0, false);
        INDArray slope = a.value().gt(-2.5).castTo(a.dtype()).muli(a.value().lt(2.5).castTo(a.dtype())).muli(0.2);
        Tensor slopeMask = Tensor.constant(slope);
        return result("hardSigmoid", value, (g, need) -> new Tensor[] {mul(g, slopeMask)}, a);
    }

    /** {@code max(a, 0)}. */
    public static Tensor relu(Tensor a) {
        floating("relu", a);
        Tensor mask = Tensor.constant(a.value().gt(0.0).castTo(a.dtype()));
        return result("relu", Transforms.relu(a.value(), true), (g, need) -> new Tensor[] {mul(g, mask)}, a);
    }

    /**
     * {@code Σ w ⊙ a²} for a constant weight array {@code w} shaped like {@code a}: the squared-penalty
     * reduction as one operation (two in-place passes over one temporary where mul, square and sum
     * make three arrays forward and four backward). The gradient {@code 2·w ⊙ a · g} is one scaled
     * product when no tape records the backward pass, and recorded operations when one does, so
     * higher derivatives stay exact. {@code w} itself gets no gradient.
     */
    public static Tensor weightedSumOfSquares(Tensor a, Tensor w) {
        floating("weightedSumOfSquares", a);
        sameType("weightedSumOfSquares", a, w);
        if (!Arrays.equals(a.shape(), w.shape())) {
            throw new IllegalArgumentException("weightedSumOfSquares: weights " + Arrays.toString(w.shape())
                    + " must be shaped like " + Arrays.toString(a.shape()));
        }
        double total = a.value().mul(a.value()).muli(w.value()).sumNumber().doubleValue();
        INDArray value = Nd4j.scalar(a.dtype(), total);
        return result("weightedSumOfSquares", value, (g, need) -> {
            if (ActiveTapes.recordingCount() == 0) {
                return new Tensor[] {Tensor.constant(a.value().mul(w.value()).muli(2.0 * g.value().getDouble(0)))};
            }
            return new Tensor[] {mul(broadcastTo(g, a.shape()), mul(a, mulScalar(w, 2.0)))};
        }, a);
    }

    /** {@code a²}. */
    public static Tensor square(Tensor a) {
        floating("square", a);
        return result("square", a.value().mul(a.value()), (g, need) -> new Tensor[] {mul(g, mulScalar(a, 2.0))}, a);
    }

    /** {@code √a}. */
    public static Tensor sqrt(Tensor a) {
        floating("sqrt", a);
        Tensor[] self = new Tensor[1];
        self[0] = result("sqrt", Transforms.sqrt(a.value(), true),
                (g, need) -> new Tensor[] {div(g, mulScalar(self[0], 2.0))}, a);
        return self[0];
    }

    /** {@code a^p} for a constant exponent. */
    public static Tensor pow(Tensor a, double p) {
        floating("pow", a);
        return result("pow", Transforms.pow(a.value(), p, true),
                (g, need) -> new Tensor[] {mul(g, mulScalar(pow(a, p - 1.0), p))}, a);
    }

    /** {@code |a|}; the gradient at 0 is taken as 0. */
    public static Tensor abs(Tensor a) {
        floating("abs", a);
        Tensor sign = Tensor.constant(Transforms.sign(a.value(), true));
        return result("abs", Transforms.abs(a.value(), true), (g, need) -> new Tensor[] {mul(g, sign)}, a);
    }

    // ---- reductions ----------------------------------------------------------------------------

    /** Sum over {@code axes} (all axes when none given). */
    public static Tensor sum(Tensor a, boolean keepDims, int... axes) {
        floating("sum", a);
        int[] ax = Shapes.axes(a.rank(), axes);
        long[] kept = Shapes.keepDims(a.shape(), ax);
        INDArray value = a.value().sum(true, ax).reshape(keepDims ? kept : dropAxes(a.shape(), ax));
        return result("sum", value, (g, need) -> new Tensor[] {broadcastTo(reshape(g, kept), a.shape())}, a);
    }

    /** Mean over {@code axes} (all axes when none given). */
    public static Tensor mean(Tensor a, boolean keepDims, int... axes) {
        int[] ax = Shapes.axes(a.rank(), axes);
        long n = 1;
        for (int x : ax) {
            n *= a.size(x);
        }
        return mulScalar(sum(a, keepDims, ax), 1.0 / n);
    }

    /**
     * Maximum over {@code axes}. The gradient goes to the maximal elements, shared equally among
     * ties.
     */
    public static Tensor max(Tensor a, boolean keepDims, int... axes) {
        floating("max", a);
        int[] ax = Shapes.axes(a.rank(), axes);
        long[] kept = Shapes.keepDims(a.shape(), ax);
        INDArray maxKept = a.value().max(true, ax).reshape(kept);
        INDArray isMax = a.value().eq(materialize(maxKept, a.shape())).castTo(a.dtype());
        INDArray ties = isMax.sum(true, ax).reshape(kept);
        Tensor share = Tensor.constant(isMax.divi(materialize(ties, a.shape())));
        INDArray value = keepDims ? maxKept : maxKept.reshape(dropAxes(a.shape(), ax));
        return result("max", value, (g, need) -> new Tensor[] {mul(broadcastTo(reshape(g, kept), a.shape()), share)}, a);
    }

    private static long[] dropAxes(long[] shape, int[] axes) {
        long[] out = new long[shape.length - axes.length];
        int j = 0;
        for (int i = 0; i < shape.length; i++) {
            if (Arrays.binarySearch(axes, i) < 0) {
                out[j++] = shape[i];
            }
        }
        return out;
    }

    /** Broadcasts {@code a} to {@code shape}; the backward rule sums back ({@link #sumTo}). */
    public static Tensor broadcastTo(Tensor a, long[] shape) {
        if (Arrays.equals(a.shape(), shape)) {
            return a;
        }
        Shapes.broadcast("broadcastTo", a.shape(), shape);
        long[] from = a.shape();
        return result("broadcastTo", materialize(a.value(), shape), (g, need) -> new Tensor[] {sumTo(g, from)}, a);
    }

    /** Sums {@code a} down to {@code shape}, the adjoint of broadcasting to {@code a}'s shape. */
    public static Tensor sumTo(Tensor a, long[] shape) {
        if (Arrays.equals(a.shape(), shape)) {
            return a;
        }
        long[] padded = Shapes.leftPad(shape, a.rank());
        int lead = a.rank() - shape.length;
        int count = 0;
        int[] axes = new int[a.rank()];
        for (int i = 0; i < a.rank(); i++) {
            if (i < lead || (padded[i] == 1 && a.size(i) != 1)) {
                axes[count++] = i;
            }
        }
        INDArray value = count == 0 ? a.value().dup() : a.value().sum(true, Arrays.copyOf(axes, count));
        long[] from = a.shape();
        return result("sumTo", value.reshape(shape), (g, need) -> new Tensor[] {broadcastTo(g, from)}, a);
    }

    // ---- shape ---------------------------------------------------------------------------------

    /** The same elements in a new shape (row-major order); one dimension may be -1. */
    public static Tensor reshape(Tensor a, long... shape) {
        long[] resolved = resolve(a, shape);
        if (Arrays.equals(resolved, a.shape())) {
            return a;
        }
        long[] from = a.shape();
        return result("reshape", a.value().reshape('c', resolved), (g, need) -> new Tensor[] {reshape(g, from)}, a);
    }

    private static long[] resolve(Tensor a, long[] shape) {
        long known = 1;
        int free = -1;
        for (int i = 0; i < shape.length; i++) {
            if (shape[i] == -1) {
                if (free >= 0) {
                    throw new IllegalArgumentException("reshape: only one dimension may be -1");
                }
                free = i;
            } else {
                known *= shape[i];
            }
        }
        long[] out = shape.clone();
        if (free >= 0) {
            out[free] = a.length() / Math.max(known, 1);
        }
        if (Shapes.product(out) != a.length()) {
            throw new IllegalArgumentException("reshape: cannot view " + Arrays.toString(a.shape()) + " ("
                    + a.length() + " elements) as " + Arrays.toString(shape));
        }
        return out;
    }

    /** Reorders the axes: output axis {@code i} is input axis {@code axes[i]}. */
    public static Tensor permute(Tensor a, int... axes) {
        if (axes.length != a.rank()) {
            throw new IllegalArgumentException("permute: " + axes.length + " axes given for rank " + a.rank());
        }
        int[] inverse = new int[axes.length];
        for (int i = 0; i < axes.length; i++) {
            inverse[axes[i]] = i;
        }
        return result("permute", a.value().permute(axes).dup('c'), (g, need) -> new Tensor[] {permute(g, inverse)}, a);
    }

    /** Transpose of a rank-2 tensor. */
    public static Tensor transpose(Tensor a) {
        if (a.rank() != 2) {
            throw new IllegalArgumentException("transpose needs rank 2, got " + Arrays.toString(a.shape())
                    + "; use permute");
        }
        return permute(a, 1, 0);
    }

    /** Elements {@code start} (inclusive) to {@code end} (exclusive) along {@code axis}. */
    public static Tensor slice(Tensor a, int axis, long start, long end) {
        int ax = axis < 0 ? axis + a.rank() : axis;
        long[] begin = new long[a.rank()];
        long[] size = a.shape().clone();
        begin[ax] = start;
        size[ax] = end - start;
        return slice(a, begin, size);
    }

    /** The block starting at {@code begin} with extent {@code size} (one entry per axis). */
    public static Tensor slice(Tensor a, long[] begin, long[] size) {
        if (begin.length != a.rank() || size.length != a.rank()) {
            throw new IllegalArgumentException("slice: begin and size need one entry per axis of "
                    + Arrays.toString(a.shape()));
        }
        for (int i = 0; i < begin.length; i++) {
            if (begin[i] < 0 || size[i] < 0 || begin[i] + size[i] > a.size(i)) {
                throw new IllegalArgumentException("slice: [" + begin[i] + ", " + (begin[i] + size[i]) + ") is out of "
                        + "range for axis " + i + " of " + Arrays.toString(a.shape()));
            }
        }
        long[] full = a.shape();
        return result("slice", a.value().get(region(begin, size)).dup('c'),
                (g, need) -> new Tensor[] {padInto(g, full, begin)}, a);
    }

    /**
     * Places {@code a} into a zero tensor of shape {@code full} at offset {@code begin}: the
     * adjoint of {@link #slice(Tensor, long[], long[])}, and zero padding.
     */
    public static Tensor padInto(Tensor a, long[] full, long[] begin) {
        INDArray out = Nd4j.zeros(a.dtype(), full);
        long[] size = a.shape();
        out.get(region(begin, size)).assign(a.value());
        return result("padInto", out, (g, need) -> new Tensor[] {slice(g, begin, size)}, a);
    }

    private static INDArrayIndex[] region(long[] begin, long[] size) {
        INDArrayIndex[] idx = new INDArrayIndex[begin.length];
        for (int i = 0; i < begin.length; i++) {
            idx[i] = NDArrayIndex.interval(begin[i], begin[i] + size[i]);
        }
        return idx;
    }

    /** Joins tensors along {@code axis}. */
    public static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        int ax = axis < 0 ? axis + parts[0].rank() : axis;
        INDArray[] values = new INDArray[parts.length];
        long[] offsets = new long[parts.length];
        long offset = 0;
        for (int i = 0; i < parts.length; i++) {
            sameType("concat", parts[0], parts[i]);
            values[i] = parts[i].value();
            offsets[i] = offset;
            offset += parts[i].size(ax);
        }
        return result("concat", Nd4j.concat(ax, values), (g, need) -> {
            Tensor[] out = new Tensor[parts.length];
            for (int i = 0; i < parts.length; i++) {
                if (need[i]) {
                    out[i] = slice(g, ax, offsets[i], offsets[i] + parts[i].size(ax));
                }
            }
            return out;
        }, parts);
    }

    /**
     * Splits {@code a} along {@code axis} into its {@code a.size(axis)} slices, each without that
     * axis (e.g. [B, T, G] along axis 1 gives T tensors [B, G]). One operation with T outputs: its
     * backward rule is a single {@link #stack} of the slices' gradients (zeros for unused slices),
     * not T zero-padded copies of the whole tensor summed one by one.
     */
    public static Tensor[] unstack(Tensor a, int axis) {
        int ax = axis < 0 ? axis + a.rank() : axis;
        if (ax < 0 || ax >= a.rank()) {
            throw new IllegalArgumentException("unstack: axis " + axis + " is out of range for rank " + a.rank());
        }
        int n = Math.toIntExact(a.size(ax));
        INDArray moved = a.value().permute(moveToFront(a.rank(), ax)).dup('c');
        INDArray[] parts = new INDArray[n];
        INDArrayIndex[] idx = new INDArrayIndex[a.rank()];
        for (int d = 1; d < idx.length; d++) {
            idx[d] = NDArrayIndex.all();
        }
        for (int t = 0; t < n; t++) {
            idx[0] = NDArrayIndex.point(t);
            parts[t] = moved.get(idx);
        }
        long[] partShape = parts.length == 0 ? new long[0] : parts[0].shape();
        DataType dtype = a.dtype();
        return ActiveTapes.recordMulti("unstack", parts, (ups, need) -> {
            Tensor[] g = new Tensor[ups.length];
            for (int t = 0; t < ups.length; t++) {
                g[t] = ups[t] != null ? ups[t] : Tensor.constant(Nd4j.zeros(dtype, partShape));
            }
            return new Tensor[] {stack(ax, g)};
        }, a);
    }

    /**
     * Joins equally shaped tensors along a new axis {@code axis}: the inverse of {@link #unstack},
     * which is its backward rule.
     */
    public static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack needs at least one tensor");
        }
        long[] partShape = parts[0].shape();
        int rank = partShape.length + 1;
        int ax = axis < 0 ? axis + rank : axis;
        if (ax < 0 || ax >= rank) {
            throw new IllegalArgumentException("stack: axis " + axis + " is out of range for rank " + rank);
        }
        long[] frontShape = new long[rank];
        frontShape[0] = parts.length;
        System.arraycopy(partShape, 0, frontShape, 1, partShape.length);
        INDArray front = Nd4j.create(parts[0].dtype(), frontShape, 'c');
        INDArrayIndex[] idx = new INDArrayIndex[rank];
        for (int d = 1; d < rank; d++) {
            idx[d] = NDArrayIndex.all();
        }
        for (int t = 0; t < parts.length; t++) {
            sameType("stack", parts[0], parts[t]);
            if (!Arrays.equals(partShape, parts[t].shape())) {
                throw new IllegalArgumentException("stack: tensor " + t + " has shape "
                        + Arrays.toString(parts[t].shape()) + ", expected " + Arrays.toString(partShape));
            }
            idx[0] = NDArrayIndex.point(t);
            front.get(idx).assign(parts[t].value());
        }
        INDArray value = ax == 0 ? front : front.permute(moveFromFront(rank, ax)).dup('c');
        return result("stack", value, (g, need) -> unstack(g, ax), parts);
    }

    /** The permutation bringing axis {@code ax} to the front, others in order. */
    private static int[] moveToFront(int rank, int ax) {
        int[] p = new int[rank];
        p[0] = ax;
        int j = 1;
        for (int d = 0; d < rank; d++) {
            if (d != ax) {
                p[j++] = d;
            }
        }
        return p;
    }

    /** The inverse of {@link #moveToFront}. */
    private static int[] moveFromFront(int rank, int ax) {
        int[] forward = moveToFront(rank, ax);
        int[] inverse = new int[rank];
        for (int i = 0; i < rank; i++) {
            inverse[forward[i]] = i;
        }
        return inverse;
    }

    /**
     * {@code condition ? a : b} elementwise, where {@code condition} is a constant 0/1 mask that
     * broadcasts against both.
     */
    public static Tensor where(Tensor condition, Tensor a, Tensor b) {
        sameType("where", a, b);
        INDArray m = condition.value().castTo(a.dtype());
        INDArray notM = m.rsub(1.0);
        Tensor mask = Tensor.constant(m);
        Tensor inverse = Tensor.constant(notM);
        long[] shape = Shapes.broadcast("where", Shapes.broadcast("where", m.shape(), a.shape()), b.shape());
        INDArray value = materialize(a.value(), shape).muli(m).addi(materialize(b.value(), shape).muli(notM));
        return result("where", value, (g, need) -> new Tensor[] {
            need[0] ? unbroadcast(mul(g, mask), a.shape()) : null,
            need[1] ? unbroadcast(mul(g, inverse), b.shape()) : null}, a, b);
    }

    /** A float tensor of ones shaped like {@code a}, as a constant. */
    public static Tensor onesLike(Tensor a) {
        return Tensor.constant(Nd4j.ones(a.isFloatingPoint() ? a.dtype() : DataType.FLOAT, a.shape()));
    }
}
