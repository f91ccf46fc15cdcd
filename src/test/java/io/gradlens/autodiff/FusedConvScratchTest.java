package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.FloatBuffer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The reuse rules of {@link FusedConvScratch}: by role, type and exact shape, within bounds. */
class FusedConvScratchTest {

    private static final FusedConvScratch.Role PRODUCT = FusedConvScratch.Role.PRODUCT;
    private static final FusedConvScratch.Role PATCHES = FusedConvScratch.Role.PATCHES;

    @Test
    void aShapeIsReusedOnlyForTheSameRoleAndType() {
        INDArray a = FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 512, 256);
        assertSame(a, FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 512, 256));
        assertNotSame(a, FusedConvScratch.borrow(PATCHES, DataType.FLOAT, 512, 256));
        assertNotSame(a, FusedConvScratch.borrow(PRODUCT, DataType.DOUBLE, 512, 256));
        assertNotSame(a, FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 256, 512));
        assertArrayEquals(new long[] {512, 256}, a.shape());
    }

    @Test
    void smallArraysAreAlwaysFresh() {
        assertNotSame(FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 8, 8),
                FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 8, 8));
    }

    @Test
    void theLeastRecentlyUsedArrayIsDropped() {
        INDArray first = FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 1024, 65);
        for (int k = 0; k < 6; k++) {
            FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 1024, 66 + k);
        }
        assertNotSame(first, FusedConvScratch.borrow(PRODUCT, DataType.FLOAT, 1024, 65));
    }

    @Test
    void heapSlotsAreIndependentAndCopyTheBuffer() {
        float[] zero = FusedConvScratch.floatsOf(FloatBuffer.wrap(new float[] {1, 2, 3}), 3, 0);
        float[] one = FusedConvScratch.floatsOf(FloatBuffer.wrap(new float[] {4, 5}), 2, 1);
        assertNotSame(zero, one);
        assertArrayEquals(new float[] {1, 2, 3}, java.util.Arrays.copyOf(zero, 3));
        assertArrayEquals(new float[] {4, 5}, java.util.Arrays.copyOf(one, 2));
        int beyond = FusedConvScratch.MAX_LENGTH + 1;
        assertNotSame(FusedConvScratch.floats(beyond, 0), FusedConvScratch.floats(beyond, 0));
    }
}
