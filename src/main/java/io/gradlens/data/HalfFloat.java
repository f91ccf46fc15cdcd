package io.gradlens.data;

/** IEEE 754 binary16 ("half") to float conversion, as used by the stored word vectors. */
public final class HalfFloat {

    private HalfFloat() {
    }

    /** The float value of the half-precision bits {@code half} (low 16 bits). */
    public static float toFloat(int half) {
        int sign = (half & 0x8000) << 16;
        int exponent = (half >>> 10) & 0x1f;
        int mantissa = half & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f; // subnormal (or zero)
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }
}
