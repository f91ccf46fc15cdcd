package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.gradlens.train.Adam;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The synchronisation contract of the fused kernels, checked on any backend by recording the calls
 * they make through {@link ArrayAccess}: every array a kernel reads on the host was first brought to
 * the host, and every array it writes there is marked host-written afterwards (so on CUDA the next
 * device operation sees the new values). On the CPU backend both calls do nothing, so only this
 * recording can show a kernel that forgets one; {@link BackendParityTest} shows on CUDA that the
 * values come out right.
 */
class HostSyncContractTest {

    /** Counts, per data buffer, the calls of each kind, and still performs them. */
    private static final class Recorder implements ArrayAccess.HostSync {
        private final Map<DataBuffer, Integer> toHost = new IdentityHashMap<>();
        private final Map<DataBuffer, Integer> written = new IdentityHashMap<>();

        @Override
        public void toHost(INDArray a) {
            toHost.merge(buffer(a), 1, Integer::sum);
            ArrayAccess.ND4J_SYNC.toHost(a);
        }

        @Override
        public void hostWritten(INDArray a) {
            written.merge(buffer(a), 1, Integer::sum);
            ArrayAccess.ND4J_SYNC.hostWritten(a);
        }

        /** The buffer that owns {@code a}'s memory: a view's calls count for the array it views. */
        private static DataBuffer buffer(INDArray a) {
            DataBuffer own = a.data();
            return own.originalDataBuffer() != null ? own.originalDataBuffer() : own;
        }

        int readsPrepared(INDArray a) {
            return toHost.getOrDefault(buffer(a), 0);
        }

        int writesMarked(INDArray a) {
            return written.getOrDefault(buffer(a), 0);
        }
    }

    /** Runs {@code kernel} with a fresh recorder installed; returns the recorder. */
    private static Recorder recording(Runnable kernel) {
        Recorder r = new Recorder();
        ArrayAccess.HostSync before = ArrayAccess.replaceSync(r);
        try {
            kernel.run();
        } finally {
            ArrayAccess.replaceSync(before);
        }
        return r;
    }

    private static <T> T recorded(Recorder into, Supplier<T> kernel) {
        ArrayAccess.HostSync before = ArrayAccess.replaceSync(into);
        try {
            return kernel.get();
        } finally {
            ArrayAccess.replaceSync(before);
        }
    }

    private static INDArray floats(long seed, long... shape) {
        return GradientCheck.uniform(seed, -1, 1, shape).value().castTo(DataType.FLOAT);
    }

    private static void assertRead(Recorder r, String what, INDArray... arrays) {
        for (int k = 0; k < arrays.length; k++) {
            assertTrue(r.readsPrepared(arrays[k]) > 0, what + ": input " + k + " read without ensureLocation(HOST)");
        }
    }

    private static void assertWritten(Recorder r, String what, INDArray... arrays) {
        for (int k = 0; k < arrays.length; k++) {
            assertTrue(r.writesMarked(arrays[k]) > 0, what + ": output " + k + " written without tagLocation(HOST)");
        }
    }

    /** With {@code -Dgradlens.fusedKernels=false} no kernel touches host memory: nothing to record. */
    @BeforeEach
    void fusedKernelsRun() {
        assumeTrue(ArrayAccess.hostKernelsAllowed(), "fused kernels are switched off: they make no host access");
    }

    @Test
    void recordsTheCallsOfOneArrayAndItsViewsTogether() {
        INDArray a = floats(1, 4, 3);
        Recorder r = recording(() -> ArrayAccess.hostWritten(a.slice(2)));
        assertEquals(1, r.writesMarked(a), "a view shares its array's buffer");
        assertEquals(0, r.readsPrepared(a));
    }

    @Test
    void windowKernelsPrepareTheirInputsAndMarkTheirOutputs() {
        PatchGeometry g = new PatchGeometry(2, 6, 5, 3, 3, 2, 1, 1, 1, 1);
        INDArray x = floats(2, 2, 6, 5, 3);
        Recorder r = new Recorder();
        INDArray cols = recorded(r, () -> WindowKernels.im2col(x, g));
        assertRead(r, "im2col", x);
        assertWritten(r, "im2col", cols);
        INDArray image = recorded(r, () -> WindowKernels.col2im(cols, g));
        assertRead(r, "col2im", cols);
        assertWritten(r, "col2im", image);

        PoolGeometry p = PoolGeometry.of(x.shape(), 3, 3, 2, 2, new int[] {1, 1, 1, 1});
        Recorder pool = new Recorder();
        int[] positions = recorded(pool, () -> WindowKernels.maxPoolArgmax(x, p));
        assertRead(pool, "maxPoolArgmax", x);
        INDArray pooled = recorded(pool, () -> WindowKernels.gather(x, positions, p.outputShape()));
        assertWritten(pool, "gather", pooled);
        INDArray back = recorded(pool, () -> WindowKernels.scatterAdd(pooled, positions, x.shape()));
        assertRead(pool, "scatterAdd", pooled);
        assertWritten(pool, "scatterAdd", back);
    }

    @Test
    void theFusedPoolingPassAndReusedPatchMatricesMarkWhatTheyWrite() {
        // 4·30·30 rows of 27: large enough for FusedConvScratch to pool the patch matrix
        PatchGeometry g = new PatchGeometry(4, 32, 32, 3, 3, 3, 1, 1, 1, 1);
        INDArray x = floats(30, 4, 32, 32, 3);
        Recorder r = new Recorder();
        INDArray first = recorded(r, () -> WindowKernels.im2col(x, g, false));
        INDArray again = recorded(r, () -> WindowKernels.im2col(x, g, false));
        assertTrue(first == again, "the scratch patch matrix is reused");
        assertEquals(2, r.writesMarked(first), "a reused scratch array is marked after every fill");
        assertTrue(r.readsPrepared(x) >= 2, "the image is prepared for every fill");

        PoolGeometry p = PoolGeometry.of(new long[] {2, 6, 5, 4}, 2, 2, 2, 2, new int[] {0, 1, 0, 1});
        INDArray z = floats(31, 2, 6, 5, 4);
        INDArray bias = floats(32, 4);
        Recorder pool = new Recorder();
        WindowKernels.Pooled pooled = recorded(pool, () -> WindowKernels.biasReluMaxPool(z, bias, p, true));
        assertRead(pool, "biasReluMaxPool", z);
        assertWritten(pool, "biasReluMaxPool", pooled.values());
    }

    @Test
    void fusedConvolutionsPrepareTheirInputsAndMarkTheirOutputsBothWays() {
        Tensor x = Tensor.constant(floats(33, 2, 7, 6, 3));
        Tensor k = Tensor.constant(floats(34, 3, 3, 3, 4));
        Tensor b = Tensor.constant(floats(35, 4));
        PatchGeometry g = PatchGeometry.of(x.shape(), 3, 3, 1, 1, 1, 1);
        PoolGeometry p = PoolGeometry.of(new long[] {2, 5, 4, 4}, 2, 2, 2, 2, new int[] {0, 1, 0, 0});
        for (boolean pool : new boolean[] {false, true}) {
            String what = pool ? "conv2dBiasReluPool" : "conv2dBiasRelu";
            Recorder r = new Recorder();
            recorded(r, () -> {
                try (GradientTape tape = GradientTape.open()) {
                    tape.watch(x, k, b);
                    Tensor y = pool ? FusedConvOps.conv2dBiasReluPool(x, k, b, g, p)
                            : FusedConvOps.conv2dBiasRelu(x, k, b, g);
                    assertRead(r, what + " forward", x.value());
                    if (pool) {
                        assertWritten(r, what + " pooled output", y.value());
                    }
                    List<Tensor> grads = tape.gradient(Ops.sum(y, false), List.of(x, k, b),
                            UnconnectedGradients.ZERO);
                    // the input gradient is a col2im image: written by a loop, then marked
                    assertWritten(r, what + " input gradient", grads.get(0).value());
                    return grads;
                }
            });
        }
    }

    @Test
    void lstmCellKernelsPrepareTheirInputsAndMarkTheirOutputs() {
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            INDArray act = floats(3, 2, 12);
            INDArray pre = floats(4, 2, 12);
            INDArray tanhC = floats(5, 2, 3);
            INDArray cPrev = floats(6, 2, 3);
            INDArray dh = floats(7, 2, 3);
            INDArray dc = floats(8, 2, 3);
            INDArray ddz = floats(9, 2, 12);
            INDArray ddc = floats(10, 2, 3);
            Recorder r = new Recorder();
            INDArray[] d = recorded(r, () -> LstmCellKernel.gradient(act, pre, tanhC, cPrev, dh, dc, gate));
            assertRead(r, gate + " cell gradient", act, tanhC, cPrev, dh, dc);
            assertWritten(r, gate + " cell gradient", d);
            INDArray[] v = recorded(r,
                    () -> LstmCellKernel.gradientVjp(act, pre, tanhC, cPrev, dh, dc, ddz, ddc, gate));
            assertRead(r, gate + " cell vjp", ddz, ddc);
            assertWritten(r, gate + " cell vjp", v);
            if (gate == RecurrentOps.Gate.HARD_SIGMOID) {
                assertRead(r, "hard-sigmoid pre-activations", pre);
            }
        }
    }

    @Test
    void theSequenceKernelSynchronisesAtEveryStepBothWays() {
        int steps = 5;
        for (RecurrentOps.Gate gate : RecurrentOps.Gate.values()) {
            INDArray projected = floats(11, 2, steps, 12);
            INDArray bias = floats(15, 12);
            INDArray u = floats(12, 3, 12);
            Recorder r = new Recorder();
            LstmKernel.Saved s = recorded(r, () -> LstmKernel.forward(projected, bias, u, new double[steps][], gate));
            // each step: the rows copied to the scratch, the product and the native activation there,
            // then a loop reading the scratch and writing act and the new c; the native tanh of c,
            // then a loop reading it and writing tanh(c), c and h, which the next step's product reads
            assertTrue(r.readsPrepared(s.act()) >= steps, gate + ": gate activations refreshed every step");
            // refreshed every step: act, the gate scratch (after the native activation) and the tanh
            // scratch (after the native tanh); with host BLAS also h_prev, which each product reads
            long refreshedEveryStep = r.toHost.values().stream().filter(n -> n >= steps).count();
            int expected = StridedBlas.hostBlas() ? 4 : 3;
            assertTrue(refreshedEveryStep >= expected, gate + ": " + expected
                    + " arrays refreshed every step, got the counts " + r.toHost.values());
            assertTrue(r.writesMarked(s.act()) >= steps, gate + ": gate writes marked every step");
            assertTrue(r.writesMarked(s.tanhC()) >= steps, gate + ": tanh(c) marked every step");
            assertTrue(r.writesMarked(s.cs()) >= steps, gate + ": cell states marked every step");
            assertTrue(r.writesMarked(s.hPrev()) >= steps, gate + ": hidden states marked every step");
            assertWritten(r, gate + " final hidden state", s.hLast());
            if (s.pre() != null) {
                assertTrue(r.writesMarked(s.pre()) >= steps, gate + ": pre-activations marked every step");
            }
            INDArray[] ups = new INDArray[2 * steps];
            for (int t = 0; t < steps; t++) {
                ups[t] = floats(20 + t, 2, 3);
            }
            Recorder back = new Recorder();
            recorded(back, () -> LstmKernel.backward(s, u, ups, new boolean[] {true, true, true}));
            assertRead(back, gate + " backward", s.act(), s.cs(), s.tanhC());
            // only the recurrent product's result [B, H] is read back once per step (T − 1 refreshes
            // after its first preparation)
            assertTrue(back.toHost.values().stream().anyMatch(n -> n >= steps),
                    gate + ": the recurrent product's result refreshed at every step but the first");
            assertTrue(back.written.values().stream().anyMatch(n -> n >= steps),
                    gate + ": dZ marked after every step's loop");
        }
    }

    @Test
    void hostBlasPreparesItsOperandsAndMarksWhatItWrites() {
        INDArray a = floats(30, 4, 6);
        INDArray b = floats(31, 6, 5);
        INDArray c = floats(32, 4, 5);
        INDArray rows = floats(33, 2, 5);
        Recorder r = recording(() -> {
            StridedBlas.gemm(false, false, 4, 5, 6, 1.0, StridedBlas.of(a), 0, 6, StridedBlas.of(b), 0, 5, 1.0,
                    StridedBlas.of(c), 0, 5);
            StridedBlas.copyRows(2, 5, StridedBlas.of(c), 5, 5, StridedBlas.of(rows), 0, 5);
        });
        if (StridedBlas.hostBlas()) {
            // CBLAS reads and writes host memory: ND4J must be told both ways
            assertRead(r, "host gemm", a, b, c);
            assertWritten(r, "host gemm", c);
            assertWritten(r, "host row copy", rows);
        } else {
            // ND4J operations synchronise themselves; nothing here touches host memory
            assertEquals(0, r.toHost.size() + r.written.size(), "the ND4J fallback makes no host access");
        }
    }

    @Test
    void theAdamUpdatePreparesItsInputsAndMarksTheParameter() {
        Tensor w = Tensor.variable(floats(13, 5, 4).dup(), "w");
        Tensor g = Tensor.constant(floats(14, 5, 4));
        Recorder r = recording(() -> new Adam(0.01).step(Map.of("w", w), Map.of("w", g)));
        assertRead(r, "adam", w.value(), g.value());
        assertWritten(r, "adam", w.value());
    }
}
