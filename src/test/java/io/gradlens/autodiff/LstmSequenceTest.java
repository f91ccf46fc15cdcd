package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Lstm;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The whole-sequence LSTM against the per-step recorded form: values, first-order gradients
 * (finite differences and the per-step tape), the recorded fallback for second order, padding,
 * and that the LSTM layer switches between the two forms by the number of recording tapes.
 */
class LstmSequenceTest {

    private static final long B = 3;
    private static final long T = 6;
    private static final long E = 5;
    private static final long H = 4;

    /** Rows 0 and 2 real everywhere except: row 1 padded after step 3, row 2 has a hole at step 1. */
    private static INDArray mask(DataType dtype) {
        double[] m = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 1, 1, 1, 1};
        return Nd4j.create(m, new long[] {B, T}, 'c').castTo(dtype);
    }

    /** A loss reading every h and c output with random weights, so all upstream paths are exercised. */
    private static Tensor weightedStates(Tensor[] states, long seed) {
        Tensor total = null;
        for (int k = 0; k < states.length; k++) {
            Tensor w = Tensor.constant(GradientCheck.uniform(seed + k, -1, 1, states[k].shape()).value()
                    .castTo(states[k].dtype()));
            Tensor term = Ops.sum(Ops.mul(states[k], w), false);
            total = total == null ? term : Ops.add(total, term);
        }
        return total;
    }

    @Test
    void valuesEqualThePerStepFormWithAndWithoutPadding() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            for (INDArray m : new INDArray[] {null, mask(DataType.DOUBLE)}) {
                Tensor p = GradientCheck.uniform(1, -2, 2, B, T, 4 * H);
                Tensor u = GradientCheck.uniform(2, -1, 1, H, 4 * H);
                Tensor[] fast = LstmSequence.apply(p, u, m, gate);
                Tensor[] ref = LstmSequence.reference(p, u, m, gate);
                assertEquals(2 * T, fast.length);
                for (int k = 0; k < fast.length; k++) {
                    GradientCheck.assertClose(gate + " state " + k, fast[k].value(), ref[k].value());
                    assertTrue(fast[k].value().equalsWithEps(ref[k].value(), 1e-12), gate + " state " + k);
                }
            }
        }
    }

    @Test
    void firstAndSecondOrderGradientsMatchFiniteDifferences() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            INDArray m = mask(DataType.DOUBLE);
            GradientCheck.Fn lastH = xs -> LstmSequence.apply(xs[0], xs[1], m, gate)[(int) T - 1];
            GradientCheck.Fn allStates = xs -> Ops.stack(0, LstmSequence.apply(xs[0], xs[1], m, gate));
            Tensor p = GradientCheck.uniform(3, -1.5, 1.5, B, T, 4 * H);
            Tensor u = GradientCheck.uniform(4, -1, 1, H, 4 * H);
            GradientCheck.assertFirstOrder("lstmSequence last h " + gate, lastH, p, u);
            GradientCheck.assertFirstOrder("lstmSequence all states " + gate, allStates, p, u);
            // Nested tapes: the backward runs while the outer tape records, so the recorded fallback
            // gives the second order.
            GradientCheck.assertSecondOrder("lstmSequence last h " + gate, lastH, p, u);
        }
    }

    @Test
    void fastBackwardEqualsThePerStepTapeToRoundOff() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            INDArray m = mask(DataType.DOUBLE);
            Tensor p = GradientCheck.uniform(5, -2, 2, B, T, 4 * H);
            Tensor u = GradientCheck.uniform(6, -1, 1, H, 4 * H);
            List<Tensor> fast;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(p, u);
                fast = tape.gradient(weightedStates(LstmSequence.apply(p, u, m, gate), 10), p, u);
            }
            List<Tensor> ref;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(p, u);
                ref = tape.gradient(weightedStates(LstmSequence.reference(p, u, m, gate), 10), p, u);
            }
            for (int k = 0; k < 2; k++) {
                assertTrue(fast.get(k).value().equalsWithEps(ref.get(k).value(), 1e-10), gate + " gradient " + k);
            }
        }
    }

    @Test
    void aBiasAddedInsideEqualsTheBiasAddedBeforeAndItsGradientsMatchFiniteDifferences() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            INDArray m = mask(DataType.DOUBLE);
            Tensor p = GradientCheck.uniform(13, -1.5, 1.5, B, T, 4 * H);
            Tensor u = GradientCheck.uniform(14, -1, 1, H, 4 * H);
            Tensor bias = GradientCheck.uniform(15, -1, 1, 4 * H);
            Tensor[] inside = LstmSequence.apply(p, bias, u, m, gate);
            Tensor[] before = LstmSequence.apply(Ops.add(p, bias), u, m, gate);
            for (int k = 0; k < inside.length; k++) {
                assertTrue(inside[k].value().equalsWithEps(before[k].value(), 1e-12), gate + " state " + k);
            }
            List<Tensor> fast;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(p, u, bias);
                fast = tape.gradient(weightedStates(LstmSequence.apply(p, bias, u, m, gate), 40), p, u, bias);
            }
            List<Tensor> ref;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(p, u, bias);
                ref = tape.gradient(weightedStates(LstmSequence.reference(p, bias, u, m, gate), 40), p, u, bias);
            }
            for (int k = 0; k < 3; k++) {
                assertTrue(fast.get(k).value().equalsWithEps(ref.get(k).value(), 1e-10), gate + " gradient " + k);
            }
            GradientCheck.Fn lastH = xs -> LstmSequence.apply(xs[0], xs[2], xs[1], m, gate)[(int) T - 1];
            GradientCheck.assertFirstOrder("lstmSequence with bias, last h " + gate, lastH, p, u, bias);
            GradientCheck.assertSecondOrder("lstmSequence with bias, last h " + gate, lastH, p, u, bias);
        }
    }

    @Test
    void oneStepAndBatchOneEqualThePerStepForm() {
        long[][] shapes = {{1, 5}, {2, 1}, {1, 1}};
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            for (long[] bt : shapes) {
                Tensor p = GradientCheck.uniform(11, -2, 2, bt[0], bt[1], 4 * H);
                Tensor u = GradientCheck.uniform(12, -1, 1, H, 4 * H);
                List<Tensor> fast;
                Tensor[] fastStates;
                try (GradientTape tape = GradientTape.open()) {
                    tape.watch(p, u);
                    fastStates = LstmSequence.apply(p, u, null, gate);
                    fast = tape.gradient(weightedStates(fastStates, 30), p, u);
                }
                List<Tensor> ref;
                Tensor[] refStates;
                try (GradientTape tape = GradientTape.open()) {
                    tape.watch(p, u);
                    refStates = LstmSequence.reference(p, u, null, gate);
                    ref = tape.gradient(weightedStates(refStates, 30), p, u);
                }
                String what = gate + " B=" + bt[0] + " T=" + bt[1];
                for (int k = 0; k < fastStates.length; k++) {
                    assertTrue(fastStates[k].value().equalsWithEps(refStates[k].value(), 1e-12), what + " state " + k);
                }
                for (int k = 0; k < 2; k++) {
                    assertTrue(fast.get(k).value().equalsWithEps(ref.get(k).value(), 1e-10), what + " gradient " + k);
                }
            }
        }
    }

    /** The layer's output and every parameter and input gradient, in one of the two forms. */
    private static List<INDArray> layerGradients(Lstm lstm, Tensor x, INDArray m, boolean perStep) {
        List<INDArray> out = new ArrayList<>();
        try (GradientTape outer = GradientTape.open(false, false)) {
            // A second recording tape makes the layer expect a recorded backward: per-step form.
            if (!perStep) {
                outer.close();
            }
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(x);
                ForwardContext ctx = ForwardContext.inference();
                ctx.setSequenceMask(m == null ? null : Tensor.constant(m));
                Tensor y = lstm.forward(x, ctx);
                int recorded = tape.recordedOperations();
                // with the fused kernels switched off (gradlens.fusedKernels=false) both forms record every step
                boolean everyStep = perStep || !ArrayAccess.hostKernelsAllowed();
                assertEquals(everyStep, recorded > 2 * T, "per-step form expected: " + everyStep + ", recorded "
                        + recorded);
                List<Tensor> states = new ArrayList<>(ctx.states("l/h"));
                states.addAll(ctx.states("l/c"));
                states.add(y);
                List<Tensor> sources = new ArrayList<>(List.of(x));
                sources.addAll(lstm.parameters().values());
                for (Tensor s : states) {
                    out.add(s.value());
                }
                for (Tensor g : tape.gradient(weightedStates(states.toArray(new Tensor[0]), 20), sources)) {
                    out.add(g.value());
                }
            }
        }
        return out;
    }

    @Test
    void layerGivesTheSameStatesAndGradientsInBothForms() {
        for (DataType dtype : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tol = dtype == DataType.DOUBLE ? 1e-10 : 2e-5;
            for (String recurrent : new String[] {"sigmoid", "hard_sigmoid"}) {
                for (boolean padded : new boolean[] {false, true}) {
                    Lstm lstm = new Lstm("l", E, (int) H, true, io.gradlens.nn.Activation.TANH,
                            io.gradlens.nn.Activation.fromKerasName(recurrent), new Random(7), dtype);
                    Tensor x = Tensor.constant(GradientCheck.uniform(8, -2, 2, B, T, E).value().castTo(dtype));
                    INDArray m = padded ? mask(dtype) : null;
                    List<INDArray> fast = layerGradients(lstm, x, m, false);
                    List<INDArray> ref = layerGradients(lstm, x, m, true);
                    for (int k = 0; k < fast.size(); k++) {
                        INDArray a = fast.get(k);
                        INDArray b = ref.get(k);
                        double scale = Math.max(1.0, b.norm2Number().doubleValue());
                        double diff = a.sub(b).norm2Number().doubleValue();
                        assertTrue(diff <= tol * scale, dtype + " " + recurrent + " padded=" + padded + " item " + k
                                + ": |fast − per-step| = " + diff);
                    }
                }
            }
        }
    }

    @Test
    void twoRecordingTapesMeanARecordedBackwardIsExpected() {
        assertTrue(LstmSequence.firstOrderExpected());
        try (GradientTape a = GradientTape.open()) {
            assertTrue(LstmSequence.firstOrderExpected());
            try (GradientTape b = GradientTape.open()) {
                assertFalse(LstmSequence.firstOrderExpected());
                try (AutoCloseable paused = b.stopRecording()) {
                    assertTrue(LstmSequence.firstOrderExpected());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
        }
    }

    @Test
    void badShapesAreRefusedWithTheShapes() {
        Tensor p = GradientCheck.uniform(1, -1, 1, B, T, 4 * H);
        Tensor u = GradientCheck.uniform(2, -1, 1, H, 3 * H);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LstmSequence.apply(p, u, null, RecurrentOps.Gate.SIGMOID));
        assertTrue(e.getMessage().contains("[4, 12]"), e.getMessage());
        Tensor u4 = GradientCheck.uniform(2, -1, 1, H, 4 * H);
        e = assertThrows(IllegalArgumentException.class,
                () -> LstmSequence.apply(p, u4, Nd4j.ones(B, T + 1), RecurrentOps.Gate.SIGMOID));
        assertTrue(e.getMessage().contains("mask"), e.getMessage());
    }
}
