package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.train.Adam;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The fused kernels on the active ND4J backend (CPU, or CUDA under {@code mvn -Dcuda}) against
 * their references written in ND4J operations, forward and gradients, to float32 precision; and one
 * whole training step of a small LSTM and a small CNN (plain and with the explanation penalty)
 * against the committed CPU values of {@link ParityReference}, once with the fused kernels and
 * once with every kernel on its reference path ({@value ArrayAccess#FUSED_KERNELS_PROPERTY}{@code
 * =false}). On the CPU backend this checks the fused loops against the references; on CUDA it also
 * checks that the kernels' host reads and writes are synchronised with the device copies.
 */
@Tag("backend-parity")
class BackendParityTest {

    /** Relative to an array's largest magnitude: float32 rounding over a few hundred terms. */
    private static final double FLOAT_TOLERANCE = 1e-5;
    /** For a whole training step, where summation order on another backend also differs. */
    private static final double STEP_TOLERANCE = 1e-4;

    /** Runs {@code body} with every fused kernel switched to its reference path. */
    private static <T> T onReferencePaths(Supplier<T> body) {
        String before = System.getProperty(ArrayAccess.FUSED_KERNELS_PROPERTY);
        System.setProperty(ArrayAccess.FUSED_KERNELS_PROPERTY, "false");
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(ArrayAccess.FUSED_KERNELS_PROPERTY);
            } else {
                System.setProperty(ArrayAccess.FUSED_KERNELS_PROPERTY, before);
            }
        }
    }

    /** {@code max |a − b| ≤ tolerance · max(max |b|, 1e-3)}, with equal shapes. */
    private static void assertAgree(String what, INDArray a, INDArray b, double tolerance) {
        assertArrayEquals(b.shape(), a.shape(), what + ": shape");
        INDArray x = a.castTo(DataType.DOUBLE);
        INDArray y = b.castTo(DataType.DOUBLE);
        double diff = x.sub(y).amaxNumber().doubleValue();
        double scale = Math.max(y.amaxNumber().doubleValue(), 1e-3);
        assertTrue(diff <= tolerance * scale, what + ": max difference " + diff + " against scale " + scale);
    }

    /** Same shape, type and values. */
    private static void assertIdentical(String what, INDArray a, INDArray b) {
        assertArrayEquals(b.shape(), a.shape(), what + ": shape");
        assertEquals(b.dataType(), a.dataType(), what + ": type");
        assertEquals(0.0, a.castTo(DataType.DOUBLE).sub(b.castTo(DataType.DOUBLE)).amaxNumber().doubleValue(), what);
    }

    private static Tensor floats(long seed, double lo, double hi, long... shape) {
        return Tensor.constant(GradientCheck.uniform(seed, lo, hi, shape).value().castTo(DataType.FLOAT));
    }

    private static List<PatchGeometry> patchGeometries() {
        return List.of(new PatchGeometry(2, 7, 6, 3, 3, 2, 1, 1, 1, 1), new PatchGeometry(2, 9, 8, 1, 3, 3, 2, 2, 1, 1),
                new PatchGeometry(1, 9, 9, 2, 2, 3, 1, 2, 2, 2), new PatchGeometry(3, 6, 6, 20, 3, 3, 1, 1, 1, 1));
    }

    private static List<PoolGeometry> poolGeometries() {
        return List.of(PoolGeometry.of(new long[] {2, 8, 8, 3}, 2, 2, 2, 2, new int[] {0, 0, 0, 0}),
                PoolGeometry.of(new long[] {2, 7, 9, 2}, 3, 3, 2, 2, new int[] {1, 1, 1, 1}),
                PoolGeometry.of(new long[] {1, 5, 5, 4}, 2, 2, 1, 1, new int[] {0, 1, 0, 1}));
    }

    @Test
    void patchMatricesAndTheirAdjointAgreeWithTheOperationReference() {
        for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
            for (PatchGeometry g : patchGeometries()) {
                INDArray x = GradientCheck.uniform(1, -1, 1, g.n(), g.height(), g.width(), g.channels()).value()
                        .castTo(type);
                INDArray cols = WindowKernels.im2col(x, g);
                // a copy of values: equal, not merely close
                assertIdentical("im2col " + g, cols, WindowReference.im2col(x, g));
                INDArray upstream = GradientCheck.uniform(2, -1, 1, cols.shape()).value().castTo(type);
                assertAgree("col2im " + g, WindowKernels.col2im(upstream, g), WindowReference.col2im(upstream, g),
                        FLOAT_TOLERANCE);
            }
        }
    }

    @Test
    void maxPoolingPositionsGatherAndScatterAgreeWithTheOperationReference() {
        for (PoolGeometry p : poolGeometries()) {
            INDArray x = GradientCheck.uniform(3, -1, 1, p.inputShape()).value().castTo(DataType.FLOAT);
            int[] positions = WindowKernels.maxPoolArgmax(x, p);
            assertArrayEquals(WindowReference.maxPoolArgmax(x, p), positions, "argmax " + p);
            assertIdentical("gather " + p, WindowKernels.gather(x, positions, p.outputShape()),
                    WindowReference.gather(x, positions, p.outputShape()));
            INDArray up = GradientCheck.uniform(4, -1, 1, p.outputShape()).value().castTo(DataType.FLOAT);
            // overlapping windows (3×3, stride 2) repeat positions: the scatter must add, not overwrite
            assertAgree("scatterAdd " + p, WindowKernels.scatterAdd(up, positions, p.inputShape()),
                    WindowReference.scatterAdd(up, positions, p.inputShape()), FLOAT_TOLERANCE);
        }
    }

    @Test
    void theScatterReferenceAddsRepeatedPositions() {
        INDArray src = Nd4j.createFromArray(1f, 2f, 4f, 8f, 16f);
        INDArray out = WindowReference.scatterAdd(src, new int[] {2, 0, 2, 2, 1}, 4);
        assertIdentical("scatterAdd", out, Nd4j.createFromArray(2f, 16f, 13f, 0f));
    }

    /** Conv + bias → ReLU → max pool, read with fixed weights; its gradients and a double-backprop term. */
    private static Tensor[] convolutionValues(Tensor x, Tensor k, Tensor bias) {
        PatchGeometry g = PatchGeometry.of(x.shape(), 3, 3, 1, 1, 1, 1);
        Tensor weights = floats(9, -1, 1, 2, 3, 3, 4);
        Tensor[] out = new Tensor[5];
        try (GradientTape outer = GradientTape.open()) {
            outer.watch(x, k, bias);
            List<Tensor> dx;
            Tensor loss;
            try (GradientTape inner = GradientTape.open()) {
                inner.watch(x);
                Tensor y = Ops.relu(ConvOps.conv2d(x, k, bias, g));
                Tensor pooled = PoolingOps.maxPool2d(y, PoolGeometry.of(y.shape(), 2, 2, 2, 2,
                        new int[] {0, 1, 0, 1}));
                loss = Ops.sum(Ops.mul(pooled, weights), false);
                dx = inner.gradient(loss, List.of(x), UnconnectedGradients.ZERO);
            }
            Tensor penalty = Ops.sum(Ops.square(dx.get(0)), false);
            List<Tensor> first = outer.gradient(Ops.add(loss, penalty), List.of(x, k, bias), UnconnectedGradients.ZERO);
            out[0] = loss;
            out[1] = dx.get(0);
            out[2] = first.get(0);
            out[3] = first.get(1);
            out[4] = first.get(2);
        }
        return out;
    }

    @Test
    void convolutionAndPoolingValuesAndGradientsToSecondOrderAgreeWithTheReferencePaths() {
        Tensor x = floats(5, 0, 1, 2, 8, 7, 2);
        Tensor k = floats(6, -0.5, 0.5, 3, 3, 2, 4);
        Tensor bias = floats(7, -0.1, 0.1, 4);
        Tensor[] fused = convolutionValues(x, k, bias);
        Tensor[] reference = onReferencePaths(() -> convolutionValues(x, k, bias));
        String[] names = {"loss", "input gradient", "d(loss + |dx|²)/dx", "…/dkernel", "…/dbias"};
        for (int i = 0; i < names.length; i++) {
            assertAgree("conv " + names[i], fused[i].value(), reference[i].value(), FLOAT_TOLERANCE);
        }
    }

    @Test
    void lstmCellGradientKernelsAgreeWithTheRecordedReference() {
        long b = 3;
        long h = 5;
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            Tensor x = floats(11, -2, 2, b, 4 * h);
            Tensor r = floats(12, -1, 1, b, 4 * h);
            Tensor c = floats(13, -1, 1, b, h);
            Tensor dh = floats(14, -1, 1, b, h);
            Tensor dc = floats(15, -1, 1, b, h);
            Tensor ddz = floats(16, -1, 1, b, 4 * h);
            Tensor ddc = floats(17, -1, 1, b, h);
            Tensor[] fused = RecurrentOps.lstmCellGrad(x, r, c, dh, dc, gate);
            Tensor[] ref = RecurrentOps.lstmCellGradReference(x, r, c, dh, dc, gate);
            for (int i = 0; i < 2; i++) {
                assertAgree(gate + " lstmCellGrad output " + i, fused[i].value(), ref[i].value(), FLOAT_TOLERANCE);
            }
            Tensor[] vjp = RecurrentOps.lstmCellGradVjp(x, r, c, dh, dc, ddz, ddc, gate);
            Tensor[] vjpRef = RecurrentOps.lstmCellGradVjpReference(new Tensor[] {x, r, c, dh, dc, ddz, ddc}, gate);
            for (int i = 0; i < 4; i++) {
                assertAgree(gate + " lstmCellGradVjp output " + i, vjp[i].value(), vjpRef[i].value(),
                        FLOAT_TOLERANCE);
            }
        }
    }

    /** The states of a masked sequence and the gradients of a weighted sum of them. */
    private static INDArray[] sequenceValues(Tensor p, Tensor u, INDArray mask, RecurrentOps.Gate gate) {
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(p, u);
            Tensor[] states = LstmSequence.apply(p, u, mask, gate);
            Tensor all = Ops.stack(0, states);
            Tensor loss = Ops.sum(Ops.mul(all, floats(21, -1, 1, all.shape())), false);
            List<Tensor> g = tape.gradient(loss, List.of(p, u), UnconnectedGradients.ZERO);
            return new INDArray[] {all.value(), g.get(0).value(), g.get(1).value()};
        }
    }

    @Test
    void lstmSequenceStatesAndGradientsAgreeWithThePerStepForm() {
        INDArray mask = Nd4j.createFromArray(new float[][] {{1, 1, 1, 1, 1}, {1, 1, 1, 0, 0}});
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            Tensor p = floats(18, -2, 2, 2, 5, 12);
            Tensor u = floats(19, -1, 1, 3, 12);
            INDArray[] fused = sequenceValues(p, u, mask, gate);
            INDArray[] reference = onReferencePaths(() -> sequenceValues(p, u, mask, gate));
            String[] names = {"states", "d/dprojection", "d/dkernel"};
            for (int i = 0; i < names.length; i++) {
                assertAgree(gate + " lstmSequence " + names[i], fused[i], reference[i], FLOAT_TOLERANCE);
            }
        }
    }

    /** Three Adam steps on two float32 parameters from fixed gradients. */
    private static INDArray[] adamSteps() {
        Map<String, Tensor> params = Map.of("w", Tensor.variable(floats(31, -1, 1, 6, 7).value().dup(), "w"),
                "b", Tensor.variable(floats(32, -1, 1, 7).value().dup(), "b"));
        Adam adam = new Adam(0.01);
        for (int step = 0; step < 3; step++) {
            adam.step(params, Map.of("w", floats(40 + step, -1, 1, 6, 7), "b", floats(50 + step, -1, 1, 7)));
        }
        return new INDArray[] {params.get("w").value(), params.get("b").value()};
    }

    @Test
    void theFusedAdamUpdateAgreesWithTheOperationByOperationUpdate() {
        INDArray[] fused = adamSteps();
        INDArray[] reference = onReferencePaths(BackendParityTest::adamSteps);
        assertAgree("adam w", fused[0], reference[0], FLOAT_TOLERANCE);
        assertAgree("adam b", fused[1], reference[1], FLOAT_TOLERANCE);
    }

    @Test
    void switchingTheFusedKernelsOffTakesTheReferencePaths() {
        assertTrue(ArrayAccess.hostKernelsAllowed(), "fused kernels are on by default on this backend");
        assertFalse(onReferencePaths(ArrayAccess::hostKernelsAllowed));
        // The whole-sequence LSTM records one tape entry; its reference records every step.
        Tensor p = floats(18, -2, 2, 2, 5, 12);
        Tensor u = floats(19, -1, 1, 3, 12);
        Supplier<Integer> recorded = () -> {
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(p, u);
                LstmSequence.apply(p, u, null, RecurrentOps.Gate.SIGMOID);
                return tape.recordedOperations();
            }
        };
        assertEquals(1, recorded.get());
        assertTrue(onReferencePaths(recorded) > 5);
    }

    @Test
    void theReferencePathsPassTheFiniteDifferenceChecksToSecondOrder() {
        onReferencePaths(() -> {
            PatchGeometry g = new PatchGeometry(1, 5, 4, 2, 2, 2, 1, 1, 1, 1);
            PoolGeometry pool = PoolGeometry.of(new long[] {1, 4, 3, 3}, 2, 2, 1, 1, new int[] {0, 0, 0, 0});
            GradientCheck.assertGradients("reference conv2d + pool",
                    xs -> PoolingOps.maxPool2d(Ops.tanh(ConvOps.conv2d(xs[0], xs[1], null, g)), pool),
                    GradientCheck.uniform(61, -1, 1, 1, 5, 4, 2), GradientCheck.uniform(62, -1, 1, 2, 2, 2, 3));
            INDArray mask = Nd4j.createFromArray(new double[][] {{1, 1, 1}, {1, 0, 1}});
            GradientCheck.assertGradients("reference lstmSequence",
                    xs -> LstmSequence.apply(xs[0], xs[1], mask, RecurrentOps.Gate.SIGMOID)[2],
                    GradientCheck.uniform(63, -1, 1, 2, 3, 8), GradientCheck.uniform(64, -1, 1, 2, 8));
            return null;
        });
    }

    /**
     * Compares one step with the committed CPU values. A deliberate change of the parity models,
     * their data or the optimiser needs new values: tools/parity-reference.sh (review the diff).
     */
    private static void assertMatchesCommitted(String what, ParityReference.Step step, ParityReference.Step cpu) {
        String how = what + " [committed values: src/test/resources/parity, tools/parity-reference.sh]";
        assertEquals(cpu.loss(), step.loss(), STEP_TOLERANCE * Math.max(1, Math.abs(cpu.loss())), how + " loss");
        assertEquals(cpu.gradients().keySet(), step.gradients().keySet(), how + " parameters");
        for (String name : cpu.gradients().keySet()) {
            assertAgree(how + " gradient " + name, step.gradients().get(name), cpu.gradients().get(name),
                    STEP_TOLERANCE);
            assertAgree(how + " updated " + name, step.updated().get(name), cpu.updated().get(name), STEP_TOLERANCE);
        }
    }

    @Test
    void oneTrainingStepOfEachSmallModelMatchesTheCommittedCpuValues() {
        for (String workload : ParityReference.WORKLOADS) {
            ParityReference.Step cpu = ParityReference.committed(workload);
            assertTrue(cpu.gradients().values().stream().anyMatch(g -> g.amaxNumber().doubleValue() > 0),
                    workload + ": the committed gradients are not all zero");
            assertMatchesCommitted(workload + " (fused kernels, " + backend() + ")", ParityReference.run(workload),
                    cpu);
            assertMatchesCommitted(workload + " (reference paths, " + backend() + ")",
                    onReferencePaths(() -> ParityReference.run(workload)), cpu);
        }
    }

    private static String backend() {
        return Nd4j.getEnvironment().isCPU() ? "CPU backend" : Nd4j.getBackend().getClass().getSimpleName();
    }
}
