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
 * Host access goes through {@link ArrayAccess} (synchronised with the CUDA backend's device
 * copies); where {@link ArrayAccess#hostKernelsAllowed()} says no, each entry point returns
 * {@link WindowReference}'s result instead, computed with ND4J operations.
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
     * DoubleBuffer}, its host copy made current ({@link ArrayAccess#hostValues}; writers call {@link
     * ArrayAccess#hostWritten} when done). Reading and writing ND4J's memory in place avoids copies
     * through Java arrays. The buffer does not keep {@code a} alive: callers keep a reference until
     * they are done.
     */
    static Buffer values(INDArray a) {
        return ArrayAccess.hostValues(a);
    }

    /** The patch matrix [N·OH·OW, KH·KW·C] of the image {@code x} [N, H, W, C]. */
    static INDArray im2col(INDArray x, PatchGeometry g) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.im2col(dense(x), g);
        }
        long rows = (long) g.n() * g.outH() * g.outW();
        long rowLength = (long) g.kh() * g.kw() * g.channels();
        // every element is written below: no need to zero the result first
        INDArray cols = Nd4j.createUninitialized(x.dataType(), new long[] {rows, rowLength}, 'c');
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
        ArrayAccess.hostWritten(cols);
        Reference.reachabilityFence(source);
        return cols;
    }

    /** The adjoint of {@link #im2col}: the image [N, H, W, C] of summed patch elements. */
    static INDArray col2im(INDArray cols, PatchGeometry g) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.col2im(dense(cols), g);
        }
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
        ArrayAccess.hostWritten(image);
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
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.maxPoolArgmax(dense(x), p);
        }
        INDArray source = dense(x);
        Buffer values = values(source);
        int[] positions = values instanceof FloatBuffer f ? argmax(p, f::get)
                : argmax(p, ((DoubleBuffer) values)::get);
        Reference.reachabilityFence(source);
        return positions;
    }

    /** Reads one value of a flat array as a double. */
    @FunctionalInterface
    private interface Reader {
        double get(int index);
    }

    private static int[] argmax(PoolGeometry p, Reader x) {
        int c = p.channels();
        int[] positions = new int[Math.toIntExact((long) p.n() * p.outH() * p.outW() * c)];
        double[] best = new double[c];
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
                    Arrays.fill(best, Double.NEGATIVE_INFINITY);
                    int first = ((n * p.height() + rowFrom) * p.width() + colFrom) * c;
                    for (int ch = 0; ch < c; ch++) {
                        positions[out + ch] = first + ch;
                    }
                    for (int r = rowFrom; r < rowTo; r++) {
                        for (int col = colFrom; col < colTo; col++) {
                            int base = ((n * p.height() + r) * p.width() + col) * c;
                            for (int ch = 0; ch < c; ch++) {
                                double v = x.get(base + ch);
                                if (v > best[ch]) {
                                    best[ch] = v;
                                    positions[out + ch] = base + ch;
                                }
                            }
                        }
                    }
                    out += c;
                }
            }
        }
        return positions;
    }

    /** {@code out[k] = src[positions[k]]} over the row-major elements, shaped {@code shape}. */
    static INDArray gather(INDArray src, int[] positions, long... shape) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.gather(dense(src), positions, shape);
        }
        return move(src, Nd4j.createUninitialized(src.dataType(), shape, 'c'), positions, false);
    }

    /**
     * {@code out[positions[k]] += src[k]} into zeros of {@code shape}: the adjoint of {@link
     * #gather}, exact where positions repeat (overlapping pooling windows).
     */
    static INDArray scatterAdd(INDArray src, int[] positions, long... shape) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.scatterAdd(dense(src), positions, shape);
        }
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
                o.put(scatter ? p : k, scatter ? o.get(p) + f.get(k) : f.get(p));
            }
        } else {
            DoubleBuffer d = (DoubleBuffer) in;
            DoubleBuffer o = (DoubleBuffer) out;
            for (int k = 0; k < positions.length; k++) {
                int p = positions[k];
                o.put(scatter ? p : k, scatter ? o.get(p) + d.get(k) : d.get(p));
            }
        }
        ArrayAccess.hostWritten(result);
        Reference.reachabilityFence(source);
        return result;
    }
}
