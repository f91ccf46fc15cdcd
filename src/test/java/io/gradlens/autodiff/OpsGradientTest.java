package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every operation's gradient and gradient-of-gradient against central finite differences in
 * float64 (relative error ≤ 1e-6). Inputs avoid the kinks of piecewise functions.
 */
class OpsGradientTest {

    private static Tensor u(long seed, long... shape) {
        return uniform(seed, -1, 1, shape);
    }

    /** Values in ±[0.2, 1.0]: away from 0, where relu and abs have a kink. */
    private static Tensor awayFromZero(long seed, long... shape) {
        Tensor t = uniform(seed, 0.2, 1.0, shape);
        Random r = new Random(seed);
        for (long i = 0; i < t.length(); i++) {
            if (r.nextBoolean()) {
                t.value().reshape(t.length()).putScalar(i, -t.value().reshape(t.length()).getDouble(i));
            }
        }
        return t;
    }

    @Test
    void arithmeticWithBroadcasting() {
        assertGradients("add", xs -> Ops.add(xs[0], xs[1]), u(1, 3, 4), u(2, 4));
        assertGradients("add column+row", xs -> Ops.add(xs[0], xs[1]), u(1, 3, 1), u(2, 1, 4));
        assertGradients("sub", xs -> Ops.sub(xs[0], xs[1]), u(1, 2, 3, 4), u(2, 3, 1));
        assertGradients("mul", xs -> Ops.mul(xs[0], xs[1]), u(1, 3, 4), u(2, 3, 4));
        assertGradients("mul broadcast left", xs -> Ops.mul(xs[0], xs[1]), u(1, 4), u(2, 3, 4));
        assertGradients("div", xs -> Ops.div(xs[0], xs[1]), u(1, 3, 4), uniform(2, 0.5, 2, 3, 1));
        assertGradients("addScalar", xs -> Ops.addScalar(xs[0], 0.7), u(1, 3, 4));
        assertGradients("mulScalar", xs -> Ops.mulScalar(xs[0], -1.3), u(1, 3, 4));
        assertGradients("neg", xs -> Ops.neg(xs[0]), u(1, 3, 4));
    }

    @Test
    void matmulInEveryTranspositionWithANonlinearityAfter() {
        for (boolean ta : new boolean[] {false, true}) {
            for (boolean tb : new boolean[] {false, true}) {
                Tensor a = ta ? u(1, 4, 3) : u(1, 3, 4);
                Tensor b = tb ? u(2, 5, 4) : u(2, 4, 5);
                // tanh after the product makes the second derivative non-trivial
                assertGradients("matmul " + ta + "," + tb, xs -> Ops.tanh(Ops.matmul(xs[0], xs[1], ta, tb)), a, b);
            }
        }
    }

    @Test
    void elementwiseFunctions() {
        assertGradients("exp", xs -> Ops.exp(xs[0]), u(1, 3, 4));
        assertGradients("log", xs -> Ops.log(xs[0]), uniform(1, 0.5, 2, 3, 4));
        assertGradients("tanh", xs -> Ops.tanh(xs[0]), uniform(1, -2, 2, 3, 4));
        assertGradients("sigmoid", xs -> Ops.sigmoid(xs[0]), uniform(1, -3, 3, 3, 4));
        assertGradients("relu", xs -> Ops.mul(Ops.relu(xs[0]), xs[0]), awayFromZero(1, 3, 4));
        assertGradients("square", xs -> Ops.square(xs[0]), u(1, 3, 4));
        assertGradients("sqrt", xs -> Ops.sqrt(xs[0]), uniform(1, 0.5, 2, 3, 4));
        assertGradients("pow", xs -> Ops.pow(xs[0], 2.5), uniform(1, 0.5, 2, 3, 4));
        assertGradients("abs", xs -> Ops.mul(Ops.abs(xs[0]), xs[0]), awayFromZero(2, 3, 4));
        // inside (-2.5, 2.5) the hard sigmoid is linear, outside it is flat: test both regions
        assertGradients("hardSigmoid", xs -> Ops.square(Ops.hardSigmoid(xs[0])), uniform(1, -2.3, 2.3, 3, 4));
        assertGradients("hardSigmoid saturated", xs -> Ops.hardSigmoid(xs[0]), uniform(1, 2.7, 4, 2, 2));
    }

    @Test
    void reductions() {
        assertGradients("sum axis 0", xs -> Ops.square(Ops.sum(xs[0], false, 0)), u(1, 3, 4));
        assertGradients("sum axis 1 keepdims", xs -> Ops.square(Ops.sum(xs[0], true, 1)), u(1, 3, 4));
        assertGradients("sum all", xs -> Ops.square(Ops.sum(xs[0], false)), u(1, 2, 3, 4));
        assertGradients("sum axes 0,2", xs -> Ops.square(Ops.sum(xs[0], false, 0, 2)), u(1, 2, 3, 4));
        assertGradients("mean", xs -> Ops.square(Ops.mean(xs[0], false, -1)), u(1, 3, 4));
        assertGradients("max", xs -> Ops.square(Ops.max(xs[0], false, 1)), u(1, 3, 5));
        assertGradients("max all", xs -> Ops.square(Ops.max(xs[0], true)), u(3, 3, 5));
        assertGradients("broadcastTo", xs -> Ops.square(Ops.broadcastTo(xs[0], new long[] {2, 3, 4})), u(1, 3, 1));
        assertGradients("sumTo", xs -> Ops.square(Ops.sumTo(xs[0], new long[] {3, 1})), u(1, 2, 3, 4));
    }

    @Test
    void shapeOperations() {
        assertGradients("reshape", xs -> Ops.square(Ops.reshape(xs[0], 4, -1)), u(1, 2, 3, 2));
        assertGradients("permute", xs -> Ops.mul(Ops.permute(xs[0], 2, 0, 1), u(5, 4, 2, 3)), u(1, 2, 3, 4));
        assertGradients("transpose", xs -> Ops.square(Ops.transpose(xs[0])), u(1, 3, 4));
        assertGradients("slice", xs -> Ops.square(Ops.slice(xs[0], 1, 1, 3)), u(1, 3, 4));
        assertGradients("slice block", xs -> Ops.square(Ops.slice(xs[0], new long[] {1, 0, 2}, new long[] {2, 3, 1})),
                u(1, 3, 4, 5));
        assertGradients("padInto", xs -> Ops.square(Ops.padInto(xs[0], new long[] {4, 5}, new long[] {1, 2})),
                u(1, 2, 3));
        assertGradients("concat", xs -> Ops.square(Ops.concat(1, xs[0], xs[1], xs[0])), u(1, 2, 3), u(2, 2, 1));
        Tensor condition = Tensor.of(new double[] {1, 0, 1, 1, 0, 0}, 2, 3);
        assertGradients("where", xs -> Ops.square(Ops.where(condition, xs[0], xs[1])), u(1, 2, 3), u(2, 3));
    }

    @Test
    void softmaxFamily() {
        assertGradients("softmax", xs -> Ops.square(NnOps.softmax(xs[0], 1)), u(1, 3, 4));
        assertGradients("softmax axis 0", xs -> Ops.square(NnOps.softmax(xs[0], 0)), u(1, 3, 4));
        assertGradients("logSoftmax", xs -> Ops.square(NnOps.logSoftmax(xs[0], -1)), u(1, 3, 4));
        assertGradients("logSoftmax axis 0", xs -> Ops.square(NnOps.logSoftmax(xs[0], 0)), u(1, 3, 4));
        assertGradients("sumOfOthers", xs -> Ops.square(NnOps.sumOfOthers(xs[0], 1)), u(1, 3, 4));
        assertGradients("sumOfOthers axis 0", xs -> Ops.square(NnOps.sumOfOthers(xs[0], 0)), u(1, 3, 4));
        assertGradients("pick", xs -> Ops.square(NnOps.pick(NnOps.logSoftmax(xs[0], 1), new int[] {2, 0, 2})),
                u(1, 3, 4));
    }

    @Test
    void embeddingLookupWithRepeatedIds() {
        int[] ids = {3, 1, 3, 3, 0, 1};
        assertGradients("embedding", xs -> Ops.tanh(NnOps.embedding(xs[0], ids, 2, 3)), u(1, 5, 4));
        assertGradients("scatterAddRows", xs -> Ops.square(NnOps.scatterAddRows(xs[0], ids, 5)), u(1, 6, 4));
    }

    @Test
    void patchesAndTheirAdjoint() {
        Tensor image = u(1, 2, 5, 6, 3);
        PatchGeometry plain = PatchGeometry.of(image.shape(), 2, 3, 1, 1, 1, 1);
        assertGradients("patches", xs -> Ops.square(NnOps.patches(xs[0], plain)), image);
        PatchGeometry strided = PatchGeometry.of(image.shape(), 2, 2, 2, 2, 1, 1);
        assertGradients("patches strided", xs -> Ops.square(NnOps.patches(xs[0], strided)), image);
        PatchGeometry dilated = PatchGeometry.of(image.shape(), 2, 2, 1, 2, 2, 1);
        assertGradients("patches dilated", xs -> Ops.square(NnOps.patches(xs[0], dilated)), image);
        Tensor cols = u(2, 2, plain.outH(), plain.outW(), 2, 3, 3);
        assertGradients("foldPatches", xs -> Ops.square(NnOps.foldPatches(xs[0], plain)), cols);
        assertGradients("max pool",
                xs -> Ops.square(Ops.max(Ops.reshape(NnOps.patches(xs[0], strided), 2, 2, 3, 4, 3), false, 3)),
                image);
    }

    @Test
    void dropoutUsesItsRecordedMask() {
        assertGradients("dropout", xs -> Ops.square(NnOps.dropout(xs[0], 0.4, new Random(5))), u(1, 4, 5));
    }
}
