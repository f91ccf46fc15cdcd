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
 *       and the gather/scatter-add pair that moves values and gradients through them;</li>
 *   <li>{@link #biasReluMaxPool}: bias, max pooling and relu of a convolution's product in one
 *       pass, for {@link FusedConvOps}.</li>
 * </ul>
 * Each is a few memory passes; the arithmetic of a convolution is left to one matrix product.
 * Host access goes through {@link ArrayAccess} (synchronised with the CUDA backend's device
 * copies): native memory is reached only through {@link #dense} and {@link #values}, which make
 * the host copy current, and every array a loop writes is marked host-written before any ND4J
 * operation can read it (the reused arrays of {@link FusedConvScratch} included). Loops that would
 * pay a bounds check per element on a {@link Buffer} run on a bulk copy in reused per-thread heap
 * storage. Where {@link ArrayAccess#hostKernelsAllowed()} says no, each entry point returns
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
        return im2col(x, g, true);
    }

    /**
     * {@link #im2col}; unless {@code keep}, in a {@link FusedConvScratch} array, valid until the
     * next patch matrix of its shape on this thread.
     */
    static INDArray im2col(INDArray x, PatchGeometry g, boolean keep) {
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.im2col(dense(x), g);
        }
        long rows = (long) g.n() * g.outH() * g.outW();
        long rowLength = (long) g.kh() * g.kw() * g.channels();
        // every element is written below: no need to zero the result first
        INDArray cols = keep ? Nd4j.createUninitialized(x.dataType(), new long[] {rows, rowLength}, 'c')
                : FusedConvScratch.borrow(FusedConvScratch.Role.PATCHES, x.dataType(), rows, rowLength);
        INDArray source = dense(x);
        Buffer image = values(source);
        Buffer out = values(cols);
        // a bulk copy has a fixed cost; runs of a few channels (e.g. C = 1 images) copy faster one by one
        int runLength = g.dw() == 1 ? g.kw() * g.channels() : g.channels();
        if (out instanceof FloatBuffer o && runLength < SHORT_RUN) {
            // short runs are copied one by one, between heap arrays, then stored in one bulk copy
            int length = Math.toIntExact(cols.length());
            float[] in = FusedConvScratch.floatsOf((FloatBuffer) image, Math.toIntExact(source.length()), 0);
            float[] patches = FusedConvScratch.floats(length, 1);
            visitRuns(g, (at, column, run) -> {
                for (int t = 0; t < run; t++) {
                    patches[column + t] = in[at + t];
                }
            });
            o.put(0, patches, 0, length);
        } else if (out instanceof FloatBuffer o) {
            FloatBuffer in = (FloatBuffer) image;
            visitRuns(g, (at, column, length) -> o.put(column, in, at, length));
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
        // every element is written below (from a zeroed heap array)
        INDArray image = Nd4j.createUninitialized(cols.dataType(), new long[] {g.n(), g.height(), g.width(),
            g.channels()}, 'c');
        INDArray source = dense(cols);
        Buffer patches = values(source);
        Buffer out = values(image);
        // both sides on the heap (reused per thread), the image written back in one bulk copy
        int patchLength = Math.toIntExact(source.length());
        int imageLength = Math.toIntExact(image.length());
        if (out instanceof FloatBuffer o) {
            float[] in = FusedConvScratch.floatsOf((FloatBuffer) patches, patchLength, 0);
            float[] sum = FusedConvScratch.floats(imageLength, 1);
            Arrays.fill(sum, 0, imageLength, 0f);
            visitRuns(g, (at, column, length) -> {
                for (int t = 0; t < length; t++) {
                    sum[at + t] += in[column + t];
                }
            });
            o.put(0, sum, 0, imageLength);
        } else {
            DoubleBuffer o = (DoubleBuffer) out;
            double[] in = FusedConvScratch.doublesOf((DoubleBuffer) patches, patchLength, 0);
            double[] sum = FusedConvScratch.doubles(imageLength, 1);
            Arrays.fill(sum, 0, imageLength, 0.0);
            visitRuns(g, (at, column, length) -> {
                for (int t = 0; t < length; t++) {
                    sum[at + t] += in[column + t];
                }
            });
            o.put(0, sum, 0, imageLength);
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
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.biasReluMaxPool(dense(z), bias, p, relu);
        }
        int c = p.channels();
        int[] positions = new int[Math.toIntExact((long) p.n() * p.outH() * p.outW() * c)];
        INDArray source = dense(z);
        INDArray result = Nd4j.createUninitialized(z.dataType(), p.outputShape(), 'c');
        Buffer values = values(source);
        Buffer pooled = values(result);
        double[] shift = bias == null ? new double[c] : dense(bias).toDoubleVector();
        int length = Math.toIntExact(source.length());
        // two vectorisable passes per window: the maxima channel by channel, then the first cell
        // that attains each (scanning back to front); max(v + b) = max(v) + b, rounding being monotone
        if (values instanceof FloatBuffer buffer) {
            float[] v = FusedConvScratch.floatsOf(buffer, length, 0);
            FloatBuffer o = (FloatBuffer) pooled;
            float[] b = new float[c];
            for (int ch = 0; ch < c; ch++) {
                b[ch] = (float) shift[ch];
            }
            float[] best = new float[c];
            int[] first = new int[c];
            visitWindows(p, (at, cells, count) -> {
                int base = cells[0];
                for (int ch = 0; ch < c; ch++) {
                    best[ch] = v[base + ch];
                }
                for (int t = 1; t < count; t++) {
                    int cell = cells[t];
                    for (int ch = 0; ch < c; ch++) {
                        best[ch] = Math.max(best[ch], v[cell + ch]);
                    }
                }
                for (int ch = 0; ch < c; ch++) {
                    best[ch] += b[ch];
                    first[ch] = base + ch;
                }
                for (int t = count - 1; t >= 0; t--) {
                    int cell = cells[t];
                    for (int ch = 0; ch < c; ch++) {
                        first[ch] = v[cell + ch] + b[ch] == best[ch] ? cell + ch : first[ch];
                    }
                }
                for (int ch = 0; ch < c; ch++) {
                    boolean cut = relu && !(best[ch] > 0);
                    o.put(at + ch, cut ? 0f : best[ch]);
                    positions[at + ch] = cut ? -1 : first[ch];
                }
            });
        } else {
            double[] v = FusedConvScratch.doublesOf((DoubleBuffer) values, length, 0);
            DoubleBuffer o = (DoubleBuffer) pooled;
            double[] best = new double[c];
            int[] first = new int[c];
            visitWindows(p, (at, cells, count) -> {
                int base = cells[0];
                for (int ch = 0; ch < c; ch++) {
                    best[ch] = v[base + ch];
                }
                for (int t = 1; t < count; t++) {
                    int cell = cells[t];
                    for (int ch = 0; ch < c; ch++) {
                        best[ch] = Math.max(best[ch], v[cell + ch]);
                    }
                }
                for (int ch = 0; ch < c; ch++) {
                    best[ch] += shift[ch];
                    first[ch] = base + ch;
                }
                for (int t = count - 1; t >= 0; t--) {
                    int cell = cells[t];
                    for (int ch = 0; ch < c; ch++) {
                        first[ch] = v[cell + ch] + shift[ch] == best[ch] ? cell + ch : first[ch];
                    }
                }
                for (int ch = 0; ch < c; ch++) {
                    boolean cut = relu && !(best[ch] > 0);
                    o.put(at + ch, cut ? 0.0 : best[ch]);
                    positions[at + ch] = cut ? -1 : first[ch];
                }
            });
        }
        ArrayAccess.hostWritten(result);
        Reference.reachabilityFence(source);
        return new Pooled(result, positions);
    }

    /** Receives one pooling window: where its outputs start, and where its cells' channels start. */
    @FunctionalInterface
    private interface WindowVisitor {
        /** {@code cells[0 .. count)} are the window's cells in row-major order, clipped to the image. */
        void window(int at, int[] cells, int count);
    }

    /** Visits every window of {@code p}, clipped to the image, in output order. */
    private static void visitWindows(PoolGeometry p, WindowVisitor visitor) {
        int c = p.channels();
        int[] cells = new int[p.kh() * p.kw()];
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
                    int count = 0;
                    for (int r = rowFrom; r < rowTo; r++) {
                        for (int col = colFrom; col < colTo; col++) {
                            cells[count++] = ((n * p.height() + r) * p.width() + col) * c;
                        }
                    }
                    visitor.window(out, cells, count);
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
        if (!ArrayAccess.hostKernelsAllowed()) {
            return WindowReference.gather(dense(src), positions, shape);
        }
        return move(src, Nd4j.createUninitialized(src.dataType(), shape, 'c'), positions, false);
    }

    /**
     * {@code out[positions[k]] += src[k]} into zeros of {@code shape}, skipping negative positions:
     * the adjoint of {@link #gather}, exact where positions repeat (overlapping pooling windows).
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
        ArrayAccess.hostWritten(result);
        Reference.reachabilityFence(source);
        return result;
    }
}
