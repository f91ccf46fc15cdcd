package io.gradlens.autodiff;

import java.lang.ref.Reference;
import java.nio.Buffer;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The data movement behind convolution and pooling on channels-last batches [N, H, W, C],
 * written directly on ND4J's row-major off-heap memory (float32 or float64):
 * <ul>
 *   <li>{@link #im2col}: the patch matrix [N·OH·OW, KH·KW·C] whose row {@code (n, i, j)} is the
 *       window at output position {@code (i, j)} in the order {@code (kh, kw, c)}, i.e. the layout
 *       of a Keras kernel [KH, KW, C, F] flattened to [KH·KW·C, F]. In channels-last layout one
 *       window row of {@code KW·C} values is contiguous (without dilation), so the matrix is built
 *       from {@code N·OH·OW·KH} block copies, with no permutes;</li>
 *   <li>{@link #col2im}: its adjoint, adding every patch element back onto its image position;</li>
 *   <li>{@link #maxPoolArgmax}, {@link #gather} and {@link #scatterAdd}: max-pooling positions
 *       and the gather/scatter-add pair that moves values and gradients through them.</li>
 * </ul>
 * Each is a few memory passes; the arithmetic of a convolution is left to one matrix product.
 */
final class WindowKernels {

    /** Runs shorter than this are copied element by element rather than in bulk. */
    private static final int SHORT_RUN = 16;

    private WindowKernels() {
    }

    /** Receives one contiguous run: {@code length} values at {@code image} and at {@code column}. */
    @FunctionalInterface
    private interface RunVisitor {
        void run(int image, int column, int length);
    }

    /** {@code a} itself when dense and row-major, else a row-major copy. */
    static INDArray dense(INDArray a) {
        if (a.dataType() != DataType.FLOAT && a.dataType() != DataType.DOUBLE) {
            throw new IllegalArgumentException("convolution and pooling need float32 or float64 values, got "
                    + a.dataType());
        }
        return a.ordering() == 'c' && a.offset() == 0 && a.data().length() == a.length()
                && Shape.hasDefaultStridesForShape(a) ? a : a.dup('c');
    }

    /**
     * The off-heap values of the dense array {@code a} as a {@link FloatBuffer} or {@link
     * DoubleBuffer}. Reading and writing ND4J's memory in place avoids copies through Java arrays.
     * The buffer does not keep {@code a} alive: callers keep a reference until they are done.
     */
    static Buffer values(INDArray a) {
        return a.dataType() == DataType.DOUBLE ? a.data().asNioDouble() : a.data().asNioFloat();
    }

    /** The patch matrix [N·OH·OW, KH·KW·C] of the image {@code x} [N, H, W, C]. */
    static INDArray im2col(INDArray x, PatchGeometry g) {
        long rows = (long) g.n() * g.outH() * g.outW();
        long rowLength = (long) g.kh() * g.kw() * g.channels();
        Object image = read(x);
        Object cols = newArray(x.dataType(), Math.toIntExact(rows * rowLength));
        // every element is written: runs of a few values (e.g. C = 1 images) copy faster one by one
        if (cols instanceof float[] o) {
            float[] in = (float[]) image;
            visitRuns(g, (at, column, length) -> {
                if (length < SHORT_RUN) {
                    for (int t = 0; t < length; t++) {
                        o[column + t] = in[at + t];
                    }
                } else {
                    System.arraycopy(in, at, o, column, length);
                }
            });
        } else {
            visitRuns(g, (at, column, length) -> System.arraycopy(image, at, cols, column, length));
        }
        return write(cols, x.dataType(), rows, rowLength);
    }

    /** The adjoint of {@link #im2col}: the image [N, H, W, C] of summed patch elements. */
    static INDArray col2im(INDArray cols, PatchGeometry g) {
        Object patches = read(cols);
        int size = Math.toIntExact((long) g.n() * g.height() * g.width() * g.channels());
        Object image = newArray(cols.dataType(), size);
        if (image instanceof float[] o) {
            float[] in = (float[]) patches;
            visitRuns(g, (at, column, length) -> {
                for (int t = 0; t < length; t++) {
                    o[at + t] += in[column + t];
                }
            });
        } else {
            double[] o = (double[]) image;
            double[] in = (double[]) patches;
            visitRuns(g, (at, column, length) -> {
                for (int t = 0; t < length; t++) {
                    o[at + t] += in[column + t];
                }
            });
        }
        return write(image, cols.dataType(), g.n(), g.height(), g.width(), g.channels());
    }

    /**
     * The values of the dense array {@code a} copied onto the Java heap, as a {@code float[]} or a
     * {@code double[]}: one bulk read of ND4J's memory, after which the loops run on plain arrays.
     */
    static Object read(INDArray array) {
        INDArray a = dense(array);
        Buffer b = values(a);
        Object out;
        if (b instanceof FloatBuffer f) {
            float[] v = new float[Math.toIntExact(a.length())];
            f.get(0, v);
            out = v;
        } else {
            double[] v = new double[Math.toIntExact(a.length())];
            ((DoubleBuffer) b).get(0, v);
            out = v;
        }
        Reference.reachabilityFence(a);
        return out;
    }

    /** A new ND4J array of {@code shape} holding {@code values} (a {@code float[]} or {@code double[]}). */
    static INDArray write(Object values, DataType type, long... shape) {
        INDArray out = Nd4j.createUninitialized(type, shape, 'c');
        Buffer b = values(out);
        if (b instanceof FloatBuffer f) {
            f.put(0, (float[]) values);
        } else {
            ((DoubleBuffer) b).put(0, (double[]) values);
        }
        return out;
    }

    /** A zero {@code float[]} or {@code double[]} of {@code length} for arrays of {@code type}. */
    static Object newArray(DataType type, int length) {
        return type == DataType.DOUBLE ? new double[length] : new float[length];
    }

    /**
     * Visits the contiguous runs shared by an image and its patch matrix: {@code KW·C} values per
     * window row without dilation, {@code C} values per window element with it.
     */
    private static void visitRuns(PatchGeometry g, RunVisitor visitor) {
        int c = g.channels();
        int w = g.width();
        int rowLength = g.kh() * g.kw() * c;
        boolean wholeRows = g.dw() == 1;
        int column = 0;
        for (int n = 0; n < g.n(); n++) {
            for (int i = 0; i < g.outH(); i++) {
                for (int j = 0; j < g.outW(); j++) {
                    for (int a = 0; a < g.kh(); a++) {
                        int rowStart = ((n * g.height() + i * g.sh() + a * g.dh()) * w + j * g.sw()) * c;
                        if (wholeRows) {
                            visitor.run(rowStart, column + a * g.kw() * c, g.kw() * c);
                        } else {
                            for (int b = 0; b < g.kw(); b++) {
                                visitor.run(rowStart + b * g.dw() * c, column + (a * g.kw() + b) * c, c);
                            }
                        }
                    }
                    column += rowLength;
                }
            }
        }
    }

    /**
     * For each output element of max pooling {@code x} [N, H, W, C] with geometry {@code p}, the
     * row-major index into {@code x} of its window's maximum (the first one on ties). Padded
     * positions never win: windows are clipped to the image.
     */
    static int[] maxPoolArgmax(INDArray x, PoolGeometry p) {
        return biasReluMaxPool(x, null, p, false).positions();
    }

    /** Pooled values and, for each, the row-major index of its source in the pooled input. */
    record Pooled(INDArray values, int[] positions) {
    }

    /**
     * Max pooling of {@code z + bias} (bias [C] added along the last axis; none when {@code null}),
     * followed by relu when {@code relu} is set, for {@code z} of the shape of {@code p}'s input
     * (any shape with its number of elements). Windows are clipped to the image and the first
     * maximum wins ties. With relu, a window whose maximum is not positive yields 0 and position
     * {@code -1}: nothing of it depends on {@code z}. Since relu is nondecreasing, this equals max
     * pooling of {@code relu(z + bias)} with the positions whose relu is inactive dropped.
     */
    static Pooled biasReluMaxPool(INDArray z, INDArray bias, PoolGeometry p, boolean relu) {
        int c = p.channels();
        int[] positions = new int[Math.toIntExact((long) p.n() * p.outH() * p.outW() * c)];
        Object values = read(z);
        Object out = newArray(z.dataType(), positions.length);
        Object shift = bias == null ? newArray(z.dataType(), c) : read(bias);
        if (values instanceof float[] v) {
            float[] o = (float[]) out;
            float[] b = (float[]) shift;
            float[] best = new float[c];
            visitWindows(p, new WindowVisitor() {
                @Override
                public void begin(int first) {
                    Arrays.fill(best, Float.NEGATIVE_INFINITY);
                }

                @Override
                public void cell(int base, int at) {
                    for (int ch = 0; ch < c; ch++) {
                        float value = v[base + ch] + b[ch];
                        if (value > best[ch]) {
                            best[ch] = value;
                            positions[at + ch] = base + ch;
                        }
                    }
                }

                @Override
                public void end(int at) {
                    for (int ch = 0; ch < c; ch++) {
                        boolean cut = relu && !(best[ch] > 0);
                        o[at + ch] = cut ? 0f : best[ch];
                        positions[at + ch] = cut ? -1 : positions[at + ch];
                    }
                }
            }, positions);
        } else {
            double[] v = (double[]) values;
            double[] o = (double[]) out;
            double[] b = (double[]) shift;
            double[] best = new double[c];
            visitWindows(p, new WindowVisitor() {
                @Override
                public void begin(int first) {
                    Arrays.fill(best, Double.NEGATIVE_INFINITY);
                }

                @Override
                public void cell(int base, int at) {
                    for (int ch = 0; ch < c; ch++) {
                        double value = v[base + ch] + b[ch];
                        if (value > best[ch]) {
                            best[ch] = value;
                            positions[at + ch] = base + ch;
                        }
                    }
                }

                @Override
                public void end(int at) {
                    for (int ch = 0; ch < c; ch++) {
                        boolean cut = relu && !(best[ch] > 0);
                        o[at + ch] = cut ? 0.0 : best[ch];
                        positions[at + ch] = cut ? -1 : positions[at + ch];
                    }
                }
            }, positions);
        }
        return new Pooled(write(out, z.dataType(), p.outputShape()), positions);
    }

    /** Receives the pooling windows one by one, and each window's cells ({@code C} values each). */
    private interface WindowVisitor {
        /** A new window starts; {@code first} is the index of its first cell. */
        void begin(int first);

        /** The cell whose channels start at {@code base}, for the outputs starting at {@code at}. */
        void cell(int base, int at);

        /** The window whose outputs start at {@code at} is complete. */
        void end(int at);
    }

    /**
     * Visits every window of {@code p}, clipped to the image, in output order; before each window
     * sets the positions of its outputs to its first cell (what a window of equal values yields).
     */
    private static void visitWindows(PoolGeometry p, WindowVisitor visitor, int[] positions) {
        int c = p.channels();
        int out = 0;
        for (int n = 0; n < p.n(); n++) {
            for (int i = 0; i < p.outH(); i++) {
                int top = i * p.sh() - p.padTop();
                int rowFrom = Math.max(top, 0);
                int rowTo = Math.min(top + p.kh(), p.height());
                for (int j = 0; j < p.outW(); j++) {
                    int left = j * p.sw() - p.padLeft();
                    int colFrom = Math.max(left, 0);
                    int colTo = Math.min(left + p.kw(), p.width());
                    int first = ((n * p.height() + rowFrom) * p.width() + colFrom) * c;
                    for (int ch = 0; ch < c; ch++) {
                        positions[out + ch] = first + ch;
                    }
                    visitor.begin(first);
                    for (int r = rowFrom; r < rowTo; r++) {
                        for (int col = colFrom; col < colTo; col++) {
                            visitor.cell(((n * p.height() + r) * p.width() + col) * c, out);
                        }
                    }
                    visitor.end(out);
                    out += c;
                }
            }
        }
    }

    /**
     * {@code out[k] = src[positions[k]]} over the row-major elements, shaped {@code shape}; 0 where
     * {@code positions[k] < 0}.
     */
    static INDArray gather(INDArray src, int[] positions, long... shape) {
        Object in = read(src);
        Object out = newArray(src.dataType(), positions.length);
        if (in instanceof float[] f) {
            float[] o = (float[]) out;
            for (int k = 0; k < positions.length; k++) {
                o[k] = positions[k] < 0 ? 0f : f[positions[k]];
            }
        } else {
            double[] d = (double[]) in;
            double[] o = (double[]) out;
            for (int k = 0; k < positions.length; k++) {
                o[k] = positions[k] < 0 ? 0.0 : d[positions[k]];
            }
        }
        return write(out, src.dataType(), shape);
    }

    /**
     * {@code out[positions[k]] += src[k]} into zeros of {@code shape}, skipping negative positions:
     * the adjoint of {@link #gather}, exact where positions repeat (overlapping pooling windows).
     */
    static INDArray scatterAdd(INDArray src, int[] positions, long... shape) {
        Object in = read(src);
        Object out = newArray(src.dataType(), Math.toIntExact(Shapes.product(shape)));
        if (in instanceof float[] f) {
            float[] o = (float[]) out;
            for (int k = 0; k < positions.length; k++) {
                if (positions[k] >= 0) {
                    o[positions[k]] += f[k];
                }
            }
        } else {
            double[] d = (double[]) in;
            double[] o = (double[]) out;
            for (int k = 0; k < positions.length; k++) {
                if (positions[k] >= 0) {
                    o[positions[k]] += d[k];
                }
            }
        }
        return write(out, src.dataType(), shape);
    }
}
