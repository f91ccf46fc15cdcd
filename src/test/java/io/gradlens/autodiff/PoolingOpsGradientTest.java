package io.gradlens.autodiff;

import static io.gradlens.autodiff.GradientCheck.assertClose;
import static io.gradlens.autodiff.GradientCheck.assertGradients;
import static io.gradlens.autodiff.GradientCheck.uniform;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Max pooling ({@link PoolingOps}): values against a direct loop over clipped windows, the
 * unpool/gather adjoint pair, and first- and second-order gradients against central finite
 * differences in float64, for valid, padded ("same") and overlapping windows.
 */
class PoolingOpsGradientTest {

    private static final long[] IMAGE = {2, 5, 6, 3};
    private static final List<PoolGeometry> GEOMETRIES = List.of(
            PoolGeometry.of(IMAGE, 2, 2, 2, 2, new int[] {0, 0, 0, 0}),
            PoolGeometry.of(IMAGE, 2, 2, 2, 2, new int[] {0, 1, 0, 0}),
            PoolGeometry.of(IMAGE, 3, 3, 2, 2, new int[] {1, 1, 1, 0}),
            PoolGeometry.of(IMAGE, 3, 2, 1, 1, new int[] {0, 0, 0, 0}));

    /** Distinct values (no ties), so the maxima and the gradients are unambiguous. */
    private static Tensor image() {
        return uniform(1, -1, 1, IMAGE);
    }

    private static INDArray directMaxPool(INDArray x, PoolGeometry p) {
        INDArray y = Nd4j.zeros(DataType.DOUBLE, p.outputShape());
        for (int n = 0; n < p.n(); n++) {
            for (int i = 0; i < p.outH(); i++) {
                for (int j = 0; j < p.outW(); j++) {
                    for (int c = 0; c < p.channels(); c++) {
                        double best = Double.NEGATIVE_INFINITY;
                        for (int r = i * p.sh() - p.padTop(); r < i * p.sh() - p.padTop() + p.kh(); r++) {
                            for (int s = j * p.sw() - p.padLeft(); s < j * p.sw() - p.padLeft() + p.kw(); s++) {
                                if (r >= 0 && r < p.height() && s >= 0 && s < p.width()) {
                                    best = Math.max(best, x.getDouble(n, r, s, c));
                                }
                            }
                        }
                        y.putScalar(new long[] {n, i, j, c}, best);
                    }
                }
            }
        }
        return y;
    }

    @Test
    void maxPoolEqualsTheDirectMaximumOverClippedWindows() {
        Tensor x = image();
        for (PoolGeometry p : GEOMETRIES) {
            assertClose("maxPool2d " + p, PoolingOps.maxPool2d(x, p).value(), directMaxPool(x.value(), p));
        }
    }

    @Test
    void negativeValuesBeatThePadding() {
        Tensor x = Tensor.constant(Nd4j.ones(DataType.DOUBLE, 1, 3, 3, 1).muli(-5.0));
        PoolGeometry p = PoolGeometry.of(x.shape(), 2, 2, 2, 2, new int[] {0, 1, 0, 1});
        assertArrayEquals(new double[] {-5, -5, -5, -5}, PoolingOps.maxPool2d(x, p).value().data().asDouble());
    }

    @Test
    void maxPoolFirstAndSecondOrder() {
        for (PoolGeometry p : GEOMETRIES) {
            assertGradients("maxPool2d " + p, xs -> PoolingOps.maxPool2d(xs[0], p), image());
            assertGradients("square∘maxPool2d " + p, xs -> Ops.square(PoolingOps.maxPool2d(xs[0], p)), image());
        }
    }

    @Test
    void unpoolAndGatherAreAdjointsWithGradientsOfBothOrders() {
        // overlapping windows: some positions are the maximum of several windows and receive a sum
        PoolGeometry p = GEOMETRIES.get(3);
        int[] positions = WindowKernels.maxPoolArgmax(image().value(), p);
        Tensor g = uniform(2, -1, 1, p.outputShape());
        Tensor v = uniform(3, -1, 1, IMAGE);
        double left = PoolingOps.unpool(g, positions, IMAGE).value().mul(v.value()).sumNumber().doubleValue();
        double right = PoolingOps.gatherAt(v, positions, p.outputShape()).value().mul(g.value()).sumNumber()
                .doubleValue();
        assertEquals(left, right, 1e-12);
        assertGradients("square∘unpool", xs -> Ops.square(PoolingOps.unpool(xs[0], positions, IMAGE)), g);
        assertGradients("square∘gatherAt",
                xs -> Ops.square(PoolingOps.gatherAt(xs[0], positions, p.outputShape())), v);
    }

    @Test
    void float32PoolsLikeFloat64() {
        PoolGeometry p = GEOMETRIES.get(2);
        INDArray y64 = PoolingOps.maxPool2d(image(), p).value();
        INDArray y32 = PoolingOps.maxPool2d(Tensor.constant(image().value().castTo(DataType.FLOAT)), p).value();
        assertEquals(DataType.FLOAT, y32.dataType());
        assertTrue(y32.castTo(DataType.DOUBLE).sub(y64).norm2Number().doubleValue() < 1e-6);
    }

    @Test
    void badArgumentsAreNamed() {
        PoolGeometry p = GEOMETRIES.get(0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PoolingOps.maxPool2d(uniform(1, -1, 1, 2, 5, 5, 3), p));
        assertTrue(e.getMessage().contains("does not match the geometry"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolingOps.unpool(uniform(1, -1, 1, 2), new int[] {0, 99}, new long[] {3, 3}));
        assertTrue(e.getMessage().contains("position 99 at index 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PoolGeometry.of(IMAGE, 2, 2, 2, 2, new int[] {2, 0, 0, 0}));
        assertTrue(e.getMessage().contains("smaller than the window"), e.getMessage());
    }
}
