package io.gradlens.autodiff;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * An immutable value (an ND4J array) that operations read and gradient tapes track.
 *
 * <p>Three kinds exist. A <em>constant</em> is a plain value: a tape tracks it only after
 * {@link GradientTape#watch(Tensor...)}. A <em>variable</em> is a trainable parameter: tapes
 * watch it automatically the first time an operation reads it, and optimizers update its value in
 * place with {@link #assign(INDArray)}. A <em>result</em> is the output of an operation.
 *
 * <p>Floating-point tensors are float32 by default; float64 is available for gradient checks.
 * Integer tensors (token ids, labels) can be read by operations but never differentiated.
 *
 * <p>The fluent methods ({@link #add}, {@link #matmul}, …) are shorthands for the operations in
 * {@link Ops}.
 */
public final class Tensor {

    /** How a tensor came to exist; used to explain missing gradients. */
    enum Kind { CONSTANT, VARIABLE, RESULT }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    /** Bytes of every value wrapped so far (mostly fresh off-heap buffers; views count in full). */
    private static final java.util.concurrent.atomic.LongAdder VALUE_BYTES = new java.util.concurrent.atomic.LongAdder();

    static {
        Engine.configure();
    }

    private final INDArray value;
    private final long id;
    private final Kind kind;
    private final String name;
    private final String producer;

    /**
     * Bytes of the values of every tensor made so far in this process: the off-heap memory that
     * operations allocate for their results (a view counts at its full length), for per-step
     * allocation counts in benchmarks.
     */
    public static long valueBytesMade() {
        return VALUE_BYTES.sum();
    }

    /** The id the next tensor will get; tapes use it to date their start and stop. */
    static long nextId() {
        return SEQUENCE.get() + 1;
    }

    Tensor(INDArray value, Kind kind, String name, String producer) {
        if (value == null) {
            throw new IllegalArgumentException("a tensor needs a value, got null");
        }
        this.value = value;
        NativeMemory.track(value);
        VALUE_BYTES.add(value.length() * value.dataType().width());
        this.id = SEQUENCE.incrementAndGet();
        this.kind = kind;
        this.name = name;
        this.producer = producer;
    }

    /** A constant wrapping {@code value} (not copied; do not mutate it afterwards). */
    public static Tensor constant(INDArray value) {
        return new Tensor(value, Kind.CONSTANT, null, null);
    }

    /** A named constant; the name appears in error messages. */
    public static Tensor constant(INDArray value, String name) {
        return new Tensor(value, Kind.CONSTANT, name, null);
    }

    /** A trainable variable; tapes watch it automatically. */
    public static Tensor variable(INDArray value, String name) {
        if (!value.dataType().isFPType()) {
            throw new IllegalArgumentException("variable '" + name + "' must be floating point, got "
                    + value.dataType());
        }
        return new Tensor(value, Kind.VARIABLE, name, null);
    }

    /** A float32 scalar constant. */
    public static Tensor scalar(double v) {
        return constant(Nd4j.scalar(DataType.FLOAT, v));
    }

    /** A scalar constant of the given floating-point type. */
    public static Tensor scalar(double v, DataType dtype) {
        return constant(Nd4j.scalar(dtype, v));
    }

    /** A float32 constant of the given shape, from row-major values. */
    public static Tensor of(float[] values, long... shape) {
        return constant(Nd4j.create(values, shape, 'c'));
    }

    /** A float64 constant of the given shape, from row-major values. */
    public static Tensor of(double[] values, long... shape) {
        return constant(Nd4j.create(values, shape, 'c'));
    }

    /** A constant of zeros. */
    public static Tensor zeros(DataType dtype, long... shape) {
        return constant(Nd4j.zeros(dtype, shape));
    }

    /** The value. Callers must not modify it, except through {@link #assign} on a variable. */
    public INDArray value() {
        return value;
    }

    /** A unique, increasing number: a tensor created later has a larger id. */
    public long id() {
        return id;
    }

    /** The name given at creation, or a description of where the tensor came from. */
    public String describe() {
        if (name != null) {
            return "'" + name + "' " + Arrays.toString(shape());
        }
        if (producer != null) {
            return "the result of " + producer + " " + Arrays.toString(shape());
        }
        return "a tensor " + Arrays.toString(shape());
    }

    /** The name, or {@code null}. */
    public String name() {
        return name;
    }

    /** The op that produced this tensor, or {@code null} for constants and variables. */
    public String producer() {
        return producer;
    }

    Kind kind() {
        return kind;
    }

    /** Whether this is a trainable variable. */
    public boolean isVariable() {
        return kind == Kind.VARIABLE;
    }

    public long[] shape() {
        return value.shape();
    }

    public int rank() {
        return value.rank();
    }

    public long size(int axis) {
        return value.size(axis < 0 ? axis + value.rank() : axis);
    }

    public long length() {
        return value.length();
    }

    public DataType dtype() {
        return value.dataType();
    }

    public boolean isFloatingPoint() {
        return value.dataType().isFPType();
    }

    /** The value of a scalar (or one-element) tensor. */
    public double item() {
        if (value.length() != 1) {
            throw new IllegalStateException("item() needs a one-element tensor, got shape "
                    + Arrays.toString(shape()));
        }
        return value.getDouble(0);
    }

    /** Replaces a variable's value in place (optimizers use this). */
    public void assign(INDArray newValue) {
        if (kind != Kind.VARIABLE) {
            throw new IllegalStateException("only variables can be assigned; " + describe() + " is not one");
        }
        if (!Arrays.equals(newValue.shape(), value.shape())) {
            throw new IllegalArgumentException("cannot assign shape " + Arrays.toString(newValue.shape())
                    + " to variable " + describe());
        }
        value.assign(newValue);
    }

    /** A constant copy of this tensor's current value, detached from every tape. */
    public Tensor detach() {
        return constant(value.dup());
    }

    // ---- fluent shorthands for Ops -------------------------------------------------------------

    public Tensor add(Tensor other) { return Ops.add(this, other); }
    public Tensor sub(Tensor other) { return Ops.sub(this, other); }
    public Tensor mul(Tensor other) { return Ops.mul(this, other); }
    public Tensor div(Tensor other) { return Ops.div(this, other); }
    public Tensor add(double c) { return Ops.addScalar(this, c); }
    public Tensor mul(double c) { return Ops.mulScalar(this, c); }
    public Tensor neg() { return Ops.neg(this); }
    public Tensor matmul(Tensor other) { return Ops.matmul(this, other); }
    public Tensor exp() { return Ops.exp(this); }
    public Tensor log() { return Ops.log(this); }
    public Tensor tanh() { return Ops.tanh(this); }
    public Tensor sigmoid() { return Ops.sigmoid(this); }
    public Tensor relu() { return Ops.relu(this); }
    public Tensor square() { return Ops.square(this); }
    public Tensor sqrt() { return Ops.sqrt(this); }
    public Tensor abs() { return Ops.abs(this); }
    public Tensor pow(double p) { return Ops.pow(this, p); }
    public Tensor sum(int... axes) { return Ops.sum(this, false, axes); }
    public Tensor mean(int... axes) { return Ops.mean(this, false, axes); }
    public Tensor max(int... axes) { return Ops.max(this, false, axes); }
    public Tensor reshape(long... shape) { return Ops.reshape(this, shape); }
    public Tensor transpose() { return Ops.transpose(this); }
    public Tensor permute(int... axes) { return Ops.permute(this, axes); }
    public Tensor slice(int axis, long start, long end) { return Ops.slice(this, axis, start, end); }

    @Override
    public String toString() {
        return "Tensor(" + describe() + ", " + dtype() + ")";
    }
}
