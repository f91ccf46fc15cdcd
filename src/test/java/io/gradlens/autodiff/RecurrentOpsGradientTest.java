package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fused recurrent operations and unstack/stack: first and second order against finite
 * differences (float64, relative error ≤ 1e-6), and the fused kernels against their generic
 * references.
 */
class RecurrentOpsGradientTest {

    private static Tensor u(long seed, long... shape) {
        return uniform(seed, -1, 1, shape);
    }

    private static final long B = 3;
    private static final long H = 2;

    /** h and c mixed with fixed weights, so both outputs' gradients are checked. */
    private static Tensor both(Tensor[] hc) {
        return Ops.add(Ops.mul(hc[0], u(31, B, H)), Ops.mul(Ops.tanh(hc[1]), u(32, B, H)));
    }

    @Test
    void unstackAndStack() {
        assertGradients("unstack axis 1", xs -> {
            Tensor[] parts = Ops.unstack(xs[0], 1);
            return Ops.add(Ops.square(parts[0]), Ops.mul(parts[2], Ops.tanh(parts[1])));
        }, u(1, 2, 3, 4));
        assertGradients("unstack axis 0, one part unused", xs -> Ops.square(Ops.unstack(xs[0], 0)[1]), u(1, 3, 4));
        assertGradients("stack axis 1", xs -> Ops.square(Ops.stack(1, xs[0], xs[1], xs[0])), u(1, 2, 3), u(2, 2, 3));
        assertGradients("stack axis 0", xs -> Ops.tanh(Ops.stack(0, xs[0], xs[1])), u(1, 2, 3), u(2, 2, 3));
        Tensor a = u(3, 2, 3, 4);
        Tensor back = Ops.stack(1, Ops.unstack(a, 1));
        assertEquals(a.value(), back.value());
    }

    @Test
    void lstmCellSigmoid() {
        for (int output = 0; output < 3; output++) {
            int which = output;
            assertGradients("lstmCell output " + which, xs -> {
                Tensor[] hc = RecurrentOps.lstmCell(xs[0], xs[1], xs[2], RecurrentOps.Gate.SIGMOID);
                return which == 0 ? hc[0] : which == 1 ? hc[1] : both(hc);
            }, uniform(1, -2, 2, B, 4 * H), u(2, B, 4 * H), u(3, B, H));
        }
    }

    @Test
    void lstmCellHardSigmoid() {
        // pre-activations x + r stay inside (-2.5, 2.5), the hard sigmoid's linear region
        assertGradients("lstmCell hard", xs -> both(RecurrentOps.lstmCell(xs[0], xs[1], xs[2],
                RecurrentOps.Gate.HARD_SIGMOID)), uniform(1, -1.2, 1.2, B, 4 * H), u(2, B, 4 * H), u(3, B, H));
        // and partly saturated
        assertGradients("lstmCell hard saturated", xs -> both(RecurrentOps.lstmCell(xs[0], xs[1], xs[2],
                RecurrentOps.Gate.HARD_SIGMOID)), uniform(1, 2.8, 4, B, 4 * H), u(2, B, 4 * H).mul(0.1), u(3, B, H));
    }

    @Test
    void fusedLstmGradientAsAFunctionOfItsInputs() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            double lo = gate == RecurrentOps.Gate.SIGMOID ? -2 : -1.2;
            assertGradients("lstmCellGrad " + gate, xs -> {
                Tensor[] d = RecurrentOps.lstmCellGrad(xs[0], xs[1], xs[2], xs[3], xs[4], gate);
                return Ops.add(Ops.sum(Ops.mul(d[0], u(40, B, 4 * H)), true, 1),
                        Ops.sum(Ops.mul(Ops.tanh(d[1]), u(41, B, H)), true, 1));
            }, uniform(1, lo, -lo, B, 4 * H), u(2, B, 4 * H).mul(0.1), u(3, B, H), u(4, B, H), u(5, B, H));
        }
    }

    @Test
    void fusedKernelsMatchTheGenericReference() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            Tensor x = uniform(1, -3, 3, B, 4 * H);
            Tensor r = u(2, B, 4 * H);
            Tensor c = u(3, B, H);
            Tensor dh = u(4, B, H);
            Tensor dc = u(5, B, H);
            Tensor[] fused = RecurrentOps.lstmCell(x, r, c, gate);
            Tensor[] ref = RecurrentOps.lstmCellReference(x, r, c, gate);
            GradientCheck.assertClose("h " + gate, fused[0].value(), ref[0].value());
            GradientCheck.assertClose("c " + gate, fused[1].value(), ref[1].value());
            Tensor[] g = RecurrentOps.lstmCellGrad(x, r, c, dh, dc, gate);
            Tensor[] gRef = RecurrentOps.lstmCellGradReference(x, r, c, dh, dc, gate);
            GradientCheck.assertClose("dz " + gate, g[0].value(), gRef[0].value());
            GradientCheck.assertClose("dc " + gate, g[1].value(), gRef[1].value());
            // and the fused backward rule (with the forward cache) gives the same
            List<Tensor> viaTape;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(x, r, c);
                Tensor[] hc = RecurrentOps.lstmCell(x, r, c, gate);
                Tensor l = Ops.add(Ops.sum(Ops.mul(hc[0], dh), false), Ops.sum(Ops.mul(hc[1], dc), false));
                viaTape = tape.gradient(l, x, r, c);
            }
            GradientCheck.assertClose("dx via tape " + gate, viaTape.get(0).value(), gRef[0].value());
            GradientCheck.assertClose("dc' via tape " + gate, viaTape.get(2).value(), gRef[1].value());
        }
    }

    /** The cell gradient's inputs {x, r, c', dh, dc} and upstream {ddz, ddc'} for a gate. */
    private static Tensor[] vjpInputs(double lo) {
        return new Tensor[] {uniform(1, lo, -lo, B, 4 * H), u(2, B, 4 * H).mul(0.1), u(3, B, H), u(4, B, H),
            u(5, B, H), u(6, B, 4 * H), u(7, B, H)};
    }

    @Test
    void handDerivedCellGradientVjpMatchesTheTapeOnTheReference() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            // pre-activations in (−3, 3): the hard sigmoid partly saturated
            Tensor[] in = vjpInputs(-3);
            Tensor[] fused = RecurrentOps.lstmCellGradVjp(in[0], in[1], in[2], in[3], in[4], in[5], in[6], gate);
            List<Tensor> viaTape;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(in[0], in[1], in[2], in[3], in[4]);
                Tensor[] d = RecurrentOps.lstmCellGradReference(in[0], in[1], in[2], in[3], in[4], gate);
                Tensor l = Ops.add(Ops.sum(Ops.mul(d[0], in[5]), false), Ops.sum(Ops.mul(d[1], in[6]), false));
                viaTape = tape.gradient(l, in[0], in[1], in[2], in[3], in[4]);
            }
            GradientCheck.assertClose("x̄ " + gate, fused[0].value(), viaTape.get(0).value());
            GradientCheck.assertClose("r̄ " + gate, fused[0].value(), viaTape.get(1).value());
            GradientCheck.assertClose("c̄' " + gate, fused[1].value(), viaTape.get(2).value());
            GradientCheck.assertClose("d̄h " + gate, fused[2].value(), viaTape.get(3).value());
            GradientCheck.assertClose("d̄c " + gate, fused[3].value(), viaTape.get(4).value());
        }
    }

    @Test
    void fusedCellGradientVjpAsAFunctionOfItsInputs() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            assertGradients("lstmCellGradVjp " + gate, xs -> {
                Tensor[] v = RecurrentOps.lstmCellGradVjp(xs[0], xs[1], xs[2], xs[3], xs[4], xs[5], xs[6], gate);
                Tensor out = Ops.sum(Ops.mul(Ops.tanh(v[0]), u(42, B, 4 * H)), true, 1);
                for (int k = 1; k < 4; k++) {
                    out = Ops.add(out, Ops.sum(Ops.mul(v[k], u(42 + k, B, H)), true, 1));
                }
                return out;
            }, vjpInputs(gate == RecurrentOps.Gate.SIGMOID ? -2 : -1.2));
        }
    }

    @Test
    void secondOrderThroughACellCostsOneOperationPerOrder() {
        assumeTrue(ArrayAccess.hostKernelsAllowed(), "counts the operations of the fused cell kernels");
        Tensor x = uniform(1, -1, 1, 4, 8);
        Tensor r = uniform(2, -1, 1, 4, 8);
        Tensor c = u(4, 4, 2);
        Tensor w = u(5, 4, 2);
        try (GradientTape outer = GradientTape.open()) {
            outer.watch(x);
            Tensor dx;
            try (GradientTape inner = GradientTape.open()) {
                inner.watch(x);
                Tensor[] hc = RecurrentOps.lstmCell(x, r, c, RecurrentOps.Gate.SIGMOID);
                dx = inner.gradient(Ops.sum(Ops.mul(hc[0], w), false), x);
            }
            Tensor penalty = Ops.sum(Ops.square(dx), false);
            long before = Engine.operations();
            outer.gradient(penalty, x);
            long backward = Engine.operations() - before;
            assertTrue(backward <= 12, "second-order backward took " + backward + " operations");
        }
    }

    @Test
    void aRecurrentStepCostsFewOperations() {
        assumeTrue(ArrayAccess.hostKernelsAllowed(), "counts the operations of the fused cell kernels");
        Tensor x = uniform(1, -1, 1, 4, 8);
        Tensor u = Tensor.variable(uniform(2, -1, 1, 2, 8).value(), "u");
        Tensor h = u(3, 4, 2);
        Tensor c = u(4, 4, 2);
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(x);
            Tensor[] hc = RecurrentOps.lstmCell(x, Ops.matmul(h, u), c, RecurrentOps.Gate.SIGMOID);
            assertEquals(2, tape.recordedOperations());
            long before = Engine.operations();
            tape.gradient(Ops.sum(hc[0], false), List.of(x, u));
            long backward = Engine.operations() - before;
            assertTrue(backward <= 6, "backward took " + backward + " operations");
        }
    }
}
