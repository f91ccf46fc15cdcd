package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The strided products against ND4J's matrix product on explicitly sliced copies: every
 * transposition, {@code beta} 0 and 1, blocks taken as the rows of one time step of a [B, T, w]
 * array (offset t·w, leading dimension T·w), in float32 and float64; and the row copies.
 */
class StridedBlasTest {

    @Test
    void aStepsRowsTimesAMatrixEqualsTheProductOfTheSlices() {
        for (DataType dt : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tol = dt == DataType.DOUBLE ? 1e-12 : 1e-5;
            int batch = 3;
            int steps = 4;
            int k = 5;
            int n = 7;
            INDArray a = GradientCheck.uniform(1, -1, 1, batch, steps, k).value().castTo(dt);
            INDArray bStore = GradientCheck.uniform(2, -1, 1, k, n).value().castTo(dt);
            INDArray bTransStore = bStore.transpose().dup('c');
            INDArray c = GradientCheck.uniform(3, -1, 1, batch, steps, n).value().castTo(dt);
            for (boolean transB : new boolean[] {false, true}) {
                for (double beta : new double[] {0.0, 1.0}) {
                    int t = 2;
                    INDArray rowsA = a.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).dup('c');
                    INDArray rowsC = c.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all()).dup('c');
                    INDArray expected = rowsA.mmul(bStore).muli(0.5).addi(rowsC.mul(beta));
                    INDArray out = c.dup('c');
                    StridedBlas.gemm(false, transB, batch, n, k, 0.5, StridedBlas.of(a), (long) t * k, steps * k,
                            StridedBlas.of(transB ? bTransStore : bStore), 0, transB ? k : n, beta,
                            StridedBlas.of(out), (long) t * n, steps * n);
                    INDArray got = out.get(NDArrayIndex.all(), NDArrayIndex.point(t), NDArrayIndex.all());
                    assertTrue(got.equalsWithEps(expected, tol), dt + " transB=" + transB + " beta=" + beta);
                    // the other steps' rows are untouched
                    INDArray other = out.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all());
                    assertTrue(other.equalsWithEps(c.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all()),
                            0.0), dt + " other rows");
                }
            }
        }
    }

    @Test
    void aTransposedLeftOperandSumsOverAllRows() {
        for (DataType dt : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            double tol = dt == DataType.DOUBLE ? 1e-12 : 1e-5;
            INDArray h = GradientCheck.uniform(4, -1, 1, 12, 3).value().castTo(dt);
            INDArray d = GradientCheck.uniform(5, -1, 1, 12, 8).value().castTo(dt);
            INDArray out = Nd4j.create(dt, new long[] {3, 8}, 'c');
            StridedBlas.gemm(true, false, 3, 8, 12, 1.0, StridedBlas.of(h), 0, 3, StridedBlas.of(d), 0, 8, 0.0,
                    StridedBlas.of(out), 0, 8);
            assertTrue(out.equalsWithEps(h.transpose().mmul(d), tol), dt.toString());
        }
    }

    @Test
    void copyRowsMovesOneStepsRowsAndNothingElse() {
        for (DataType dt : new DataType[] {DataType.DOUBLE, DataType.FLOAT}) {
            INDArray steps = GradientCheck.uniform(6, -1, 1, 3, 4, 5).value().castTo(dt);
            INDArray scratch = Nd4j.zeros(dt, 3, 5);
            StridedBlas.copyRows(3, 5, StridedBlas.of(steps), 2 * 5, 4 * 5, StridedBlas.of(scratch), 0, 5);
            INDArray step2 = steps.get(NDArrayIndex.all(), NDArrayIndex.point(2), NDArrayIndex.all());
            assertTrue(scratch.equalsWithEps(step2, 0.0), dt + " to scratch");
            INDArray back = Nd4j.zeros(dt, 3, 4, 5);
            StridedBlas.copyRows(3, 5, StridedBlas.of(scratch), 0, 5, StridedBlas.of(back), 1 * 5, 4 * 5);
            assertTrue(back.get(NDArrayIndex.all(), NDArrayIndex.point(1), NDArrayIndex.all()).equalsWithEps(step2, 0.0),
                    dt + " back");
            assertTrue(back.sumNumber().doubleValue() == step2.sumNumber().doubleValue(), dt + " other rows stay zero");
        }
    }

    @Test
    void onTheCpuBackendTheCallsGoToOpenBlas() {
        boolean switchedOff = "false".equalsIgnoreCase(System.getProperty(StridedBlas.HOST_BLAS_PROPERTY));
        assertEquals(Nd4j.getEnvironment().isCPU() && !switchedOff, StridedBlas.hostBlas(),
                "the CBLAS routines of openblas_nolapack should be bound on the CPU backend");
    }

    @Test
    void viewsAndIntegerArraysAreRefused() {
        INDArray a = Nd4j.rand(DataType.DOUBLE, 4, 4);
        assertThrows(IllegalStateException.class, () -> StridedBlas.of(a.get(NDArrayIndex.interval(1, 3))));
        assertThrows(IllegalArgumentException.class, () -> StridedBlas.of(Nd4j.zeros(DataType.INT, 2, 2)));
    }
}
