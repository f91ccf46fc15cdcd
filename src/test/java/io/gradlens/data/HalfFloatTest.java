package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HalfFloatTest {

    @Test
    void decodesNormalSubnormalAndSpecialValues() {
        assertEquals(0f, HalfFloat.toFloat(0x0000));
        assertEquals(1f, HalfFloat.toFloat(0x3C00));
        assertEquals(-2f, HalfFloat.toFloat(0xC000));
        assertEquals(65504f, HalfFloat.toFloat(0x7BFF));
        assertEquals(0x1p-24f, HalfFloat.toFloat(0x0001));
        assertEquals(-0x1p-14f, HalfFloat.toFloat(0x8400));
        assertEquals(0.333251953125f, HalfFloat.toFloat(0x3555));
        assertEquals(Float.POSITIVE_INFINITY, HalfFloat.toFloat(0x7C00));
        assertTrue(Float.isNaN(HalfFloat.toFloat(0x7E00)));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(HalfFloat.toFloat(0x8000)));
    }
}
