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
        return im2col(x, g, true);
    }

    /**
     * {@link #im2col}; unless {@code keep}, in a {@link FusedConvScratch} array, valid until the
     * next patch matrix of its shape on this thread.
     */
    static INDArray im2col(INDArray x, PatchGeometry g, boolean keep) {
        long rows = (long) g.n() * g.outH() * g.outW();
        long rowLength = (long) g.kh() * g.kw() * g.channels();
        // every element is written below: no need to zero the result first
        INDArray cols = keep ? Nd4j.createUninitialized(x.dataType(), new long[] {rows, rowLength}, 'c')
                : FusedConvScratch.borrow(FusedConvScratch.Role.PATCHES, x.dataType(), rows, rowLength);
        INDArray source = dense(x);
        Buffer image = values(source);
        Buffer out = values(cols);
        // a bulk copy has a fixed cost; runs of a few channels (e.g. C = 1 images) copy faster one by one
        if (out instanceof FloatBuffer o) {
            FloatBuffer in = (FloatBuffer) image;
            visitRuns(g, (at, column, length) -> {
                if (length < SHORT_RUN) {
                    for (int t = 0; t < length; t++) {
                        o.put(column + t, in.get(at + t));
                    }
                } else {
                    o.put(column, in, at, length);
                }
            });
        } else {
            DoubleBuffer o = (DoubleBuffer) out;
            DoubleBuffer in = (DoubleBuffer) image;
            visitRuns(g, (at, column, length) -> o.put(column, in, at, length));
        }
        Reference.reachabilityFence(source);
        return cols;
    }

    /** The adjoint of {@link #im2col}: the image [N, H, W, C] of summed patch elements. */
    static INDArray col2im(INDArray cols, PatchGeometry g) {
        INDArray image = Nd4j.create(cols.dataType(), g.n(), g.height(), g.width(), g.channels());
        INDArray source = dense(cols);
        Buffer patches = values(source);
        Buffer out = values(image);
        if (out instanceof FloatBuffer o) {
            FloatBuffer in = (FloatBuffer) patches;
            visitRuns(g, (at, column, length) -> {
                for (int t = 0; t < length; t++) {
                    o.put(at + t, o.get(at + t) + in.get(column + t));
                }
            });
        } else {
            DoubleBuffer o = (DoubleBuffer) out;
            DoubleBuffer in = (DoubleBuffer) patches;
            visitRuns(g, (at, column, length) -> {
                for (int t = 0; t < length; t++) {
                    o.put(at + t, o.get(at + t) + in.get(column + t));
                }
            });
        }
        Reference.reachabilityFence(source);
        return image;
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
        INDArray source = dense(z);
        INDArray result = Nd4j.createUninitialized(z.dataType(), p.outputShape(), 'c');
        Buffer values = values(source);
        Buffer pooled = values(result);
        double[] shift = bias == null ? new double[c] : dense(bias).toDoubleVector();
        if (values instanceof FloatBuffer v) {
            FloatBuffer o = (FloatBuffer) pooled;
            float[] b = new float[c];
            for (int ch = 0; ch < c; ch++) {
                b[ch] = (float) shift[ch];
            }
            float[] best = new float[c];
            visitWindows(p, new WindowVisitor() {
                @Override
                public void begin(int first) {
                    Arrays.fill(best, Float.NEGATIVE_INFINITY);
                }

                @Override
                public void cell(int base, int at) {
                    // branch-free: on random data the comparison is unpredictable
                    for (int ch = 0; ch < c; ch++) {
                        float value = v.get(base + ch) + b[ch];
                        boolean better = value > best[ch];
                        best[ch] = better ? value : best[ch];
                        positions[at + ch] = better ? base + ch : positions[at + ch];
                    }
                }

                @Override
                public void end(int at) {
                    for (int ch = 0; ch < c; ch++) {
                        boolean cut = relu && !(best[ch] > 0);
                        o.put(at + ch, cut ? 0f : best[ch]);
                        positions[at + ch] = cut ? -1 : positions[at + ch];
                    }
                }
            }, positions);
        } else {
            DoubleBuffer v = (DoubleBuffer) values;
            DoubleBuffer o = (DoubleBuffer) pooled;
            double[] best = new double[c];
            visitWindows(p, new WindowVisitor() {
                @Override
                public void begin(int first) {
                    Arrays.fill(best, Double.NEGATIVE_INFINITY);
                }

                @Override
                public void cell(int base, int at) {
                    for (int ch = 0; ch < c; ch++) {
                        double value = v.get(base + ch) + shift[ch];
                        boolean better = value > best[ch];
                        best[ch] = better ? value : best[ch];
                        positions[at + ch] = better ? base + ch : positions[at + ch];
                    }
                }

                @Override
                public void end(int at) {
                    for (int ch = 0; ch < c; ch++) {
                        boolean cut = relu && !(best[ch] > 0);
                        o.put(at + ch, cut ? 0.0 : best[ch]);
                        positions[at + ch] = cut ? -1 : positions[at + ch];
                    }
                }
            }, positions);
        }
        Reference.reachabilityFence(source);
        return new Pooled(result, positions);
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
        return move(src, Nd4j.createUninitialized(src.dataType(), shape, 'c'), positions, false);
    }

    /**
     * {@code out[positions[k]] += src[k]} into zeros of {@code shape}, skipping negative positions:
     * the adjoint of {@link #gather}, exact where positions repeat (overlapping pooling windows).
     */
    static INDArray scatterAdd(INDArray src, int[] positions, long... shape) {
        return move(src, Nd4j.create(src.dataType(), shape), positions, true);
    }

    /** Gathers from {@code src} into {@code result}, or scatter-adds {@code src} onto it. */
    private static INDArray move(INDArray src, INDArray result, int[] positions, boolean scatter) {
        INDArray source = dense(src);
        Buffer in = values(source);
        Buffer out = values(result);
        if (in instanceof FloatBuffer f) {
            FloatBuffer o = (FloatBuffer) out;
            for (int k = 0; k < positions.length; k++) {
                int p = positions[k];
                if (scatter && p >= 0) {
                    o.put(p, o.get(p) + f.get(k));
                } else if (!scatter) {
                    o.put(k, p < 0 ? 0f : f.get(p));
                }
            }
        } else {
            DoubleBuffer d = (DoubleBuffer) in;
            DoubleBuffer o = (DoubleBuffer) out;
            for (int k = 0; k < positions.length; k++) {
                int p = positions[k];
                if (scatter && p >= 0) {
                    o.put(p, o.get(p) + d.get(k));
                } else if (!scatter) {
                    o.put(k, p < 0 ? 0.0 : d.get(p));
                }
            }
        }
        Reference.reachabilityFence(source);
        return result;
    }
}
