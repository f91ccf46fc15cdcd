package io.gradlens.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.gradlens.autodiff.GradientCheck;
import io.gradlens.autodiff.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The MaxPool layer in one and two dimensions, valid and same padding: values against the
 * definition (Keras: windows start at {@code i·stride − padBefore}, padded positions never win),
 * output shapes against {@link MaxPool#outputShape}, and gradients of first and second order.
 */
class MaxPoolLayerTest {

    @Test
    void samePaddedOneDimensionalPoolingOfASequence() {
        // [1, 5, 1]: windows of 2 with stride 2 and "same" padding: {x0,x1}, {x2,x3}, {x4}
        Tensor x = Tensor.of(new double[] {-3, -7, 2, 9, -4}, 1, 5, 1);
        MaxPool pool = new MaxPool("p", 1, new int[] {2}, new int[] {2}, Padding.SAME);
        Tensor y = pool.forward(x, ForwardContext.inference());
        assertArrayEquals(new long[] {1, 3, 1}, y.shape());
        assertArrayEquals(new double[] {-3, 9, -4}, y.value().data().asDouble());
        assertArrayEquals(new long[] {3, 1}, pool.outputShape(new long[] {5, 1}));
    }

    @Test
    void overlappingValidPoolingOfASequence() {
        Tensor x = Tensor.of(new double[] {1, 5, 2, 0, 3, 4, 6}, 1, 7, 1);
        MaxPool pool = new MaxPool("p", 1, new int[] {3}, new int[] {2}, Padding.VALID);
        assertArrayEquals(new double[] {5, 3, 6}, pool.forward(x, ForwardContext.inference()).value().data().asDouble());
    }

    @Test
    void samePaddedTwoDimensionalPoolingPutsTheExtraRowBelow() {
        // 3×3 image, 2×2 windows, stride 2, "same": total padding 1 per axis, all of it after the image
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, 1, 3, 3, 1);
        MaxPool pool = new MaxPool("p", 2, new int[] {2, 2}, new int[] {2, 2}, Padding.SAME);
        assertArrayEquals(new double[] {5, 6, 8, 9}, pool.forward(x, ForwardContext.inference()).value().data().asDouble());
    }

    @Test
    void gradientsOfBothOrdersInOneAndTwoDimensions() {
        MaxPool pool1 = new MaxPool("p1", 1, new int[] {3}, new int[] {2}, Padding.SAME);
        GradientCheck.assertGradients("max_pool1d same",
                xs -> pool1.forward(xs[0], ForwardContext.inference()).square(),
                GradientCheck.uniform(3, -1, 1, 2, 8, 3));
        MaxPool pool2 = new MaxPool("p2", 2, new int[] {2, 3}, new int[] {2, 2}, Padding.SAME);
        GradientCheck.assertGradients("max_pool2d same",
                xs -> pool2.forward(xs[0], ForwardContext.inference()).square(),
                GradientCheck.uniform(4, -1, 1, 2, 5, 7, 2));
    }
}
