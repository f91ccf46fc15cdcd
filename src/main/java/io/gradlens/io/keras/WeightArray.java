package io.gradlens.io.keras;

import java.util.Arrays;

/**
 * One weight tensor exactly as Keras stores it: row-major ({@code C} order) float32 values and the
 * Keras shape (for example a Dense kernel is {@code [in, out]}, a Conv2D kernel
 * {@code [kh, kw, in, out]}). Equality compares shape and values bit for bit.
 *
 * @param shape the dimensions; an empty array is a scalar
 * @param data the values in row-major order; {@code data.length} equals the product of {@code shape}
 */
public record WeightArray(long[] shape, float[] data) {

    /** Validates and defensively copies the arrays. */
    public WeightArray {
        if (shape == null || data == null) {
            throw new IllegalArgumentException("shape and data must not be null");
        }
        shape = shape.clone();
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        if (n != data.length) {
            throw new IllegalArgumentException(
                    "shape " + Arrays.toString(shape) + " needs " + n + " values, got " + data.length);
        }
        data = data.clone();
    }

    /** @return a copy of the shape */
    @Override
    public long[] shape() {
        return shape.clone();
    }

    /** @return a copy of the values */
    @Override
    public float[] data() {
        return data.clone();
    }

    /** @return the number of dimensions */
    public int rank() {
        return shape.length;
    }

    /**
     * @param axis a dimension index
     * @return the size of that dimension
     */
    public long dim(int axis) {
        return shape[axis];
    }

    /** @return the number of values */
    public int size() {
        return data.length;
    }

    /**
     * @param index a row-major index
     * @return the value at that index (no copy of the array is made)
     */
    public float get(int index) {
        return data[index];
    }

    /** @return the shape formatted like {@code [8, 24]} */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof WeightArray other)) {
            return false;
        }
        if (!Arrays.equals(shape, other.shape) || data.length != other.data.length) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            if (Float.floatToRawIntBits(data[i]) != Float.floatToRawIntBits(other.data[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "WeightArray" + Arrays.toString(shape);
    }
}
