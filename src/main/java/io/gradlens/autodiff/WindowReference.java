package io.gradlens.autodiff;

import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scatter.ScatterAdd;
import org.nd4j.linalg.api.ops.impl.shape.Gather;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The operations of {@link WindowKernels} written with ND4J operations only (strided views,
 * concatenation, arg-max, gather and scatter-add), never touching an array's host memory: the
 * reference the fused loops are tested against, and what runs instead of them where {@link
 * ArrayAccess#hostKernelsAllowed()} says no (a backend without host-write tracking, or
 * {@code -Dgradlens.fusedKernels=false}). Same layouts and results as {@link WindowKernels}; slower,
 * since every window offset costs a few native calls.
 */
final class WindowReference {

    private WindowReference() {
    }

    /**
     * The patch matrix [N·OH·OW, KH·KW·C]: for each window offset {@code (a, b)} in row-major order
     * the strided view of the input that offset sees, [N, OH, OW, C], concatenated along channels.
     */
    static INDArray im2col(INDArray x, PatchGeometry g) {
        List<INDArray> offsets = new ArrayList<>();
        for (int a = 0; a < g.kh(); a++) {
            for (int b = 0; b < g.kw(); b++) {
                offsets.add(x.get(windowOffset(g, a, b)));
            }
        }
        INDArray joined = Nd4j.concat(3, offsets.toArray(INDArray[]::new));
        return joined.reshape('c', (long) g.n() * g.outH() * g.outW(), (long) g.kh() * g.kw() * g.channels());
    }

    /** The adjoint of {@link #im2col}: each offset's block of columns added onto its strided view. */
    static INDArray col2im(INDArray cols, PatchGeometry g) {
        INDArray image = Nd4j.create(cols.dataType(), g.n(), g.height(), g.width(), g.channels());
        INDArray patches = cols.reshape('c', g.n(), g.outH(), g.outW(), (long) g.kh() * g.kw() * g.channels());
        int c = g.channels();
        for (int a = 0; a < g.kh(); a++) {
            for (int b = 0; b < g.kw(); b++) {
                long from = (long) (a * g.kw() + b) * c;
                INDArray block = patches.get(NDArrayIndex.all(), NDArrayIndex.all(), NDArrayIndex.all(),
                        NDArrayIndex.interval(from, from + c));
                image.get(windowOffset(g, a, b)).addi(block);
            }
        }
        return image;
    }

    /** The view [N, OH, OW, C] of rows {@code a·DH + i·SH} and columns {@code b·DW + j·SW}. */
    private static INDArrayIndex[] windowOffset(PatchGeometry g, int a, int b) {
        int top = a * g.dh();
        int left = b * g.dw();
        return new INDArrayIndex[] {NDArrayIndex.all(),
            NDArrayIndex.interval(top, g.sh(), top + (long) (g.outH() - 1) * g.sh() + 1),
            NDArrayIndex.interval(left, g.sw(), left + (long) (g.outW() - 1) * g.sw() + 1), NDArrayIndex.all()};
    }

    /**
     * The positions of {@link WindowKernels#maxPoolArgmax}: the input is placed in a −∞ frame as
     * large as the padded windows need, the window offsets are stacked [KH·KW, N, OH, OW, C], and
     * ND4J's arg-max along the offsets (the first maximum on ties, as in the fused loop) is turned
     * into row-major input positions. Padding can win only where a window holds nothing but −∞.
     */
    static int[] maxPoolArgmax(INDArray x, PoolGeometry p) {
        int framedH = Math.max(p.padTop() + p.height(), (p.outH() - 1) * p.sh() + p.kh());
        int framedW = Math.max(p.padLeft() + p.width(), (p.outW() - 1) * p.sw() + p.kw());
        INDArray framed = Nd4j.valueArrayOf(new long[] {p.n(), framedH, framedW, p.channels()},
                Double.NEGATIVE_INFINITY, x.dataType());
        framed.get(NDArrayIndex.all(), NDArrayIndex.interval(p.padTop(), p.padTop() + p.height()),
                NDArrayIndex.interval(p.padLeft(), p.padLeft() + p.width()), NDArrayIndex.all()).assign(x);
        INDArray[] offsets = new INDArray[p.kh() * p.kw()];
        for (int a = 0; a < p.kh(); a++) {
            for (int b = 0; b < p.kw(); b++) {
                offsets[a * p.kw() + b] = framed.get(NDArrayIndex.all(),
                        NDArrayIndex.interval(a, p.sh(), a + (long) (p.outH() - 1) * p.sh() + 1),
                        NDArrayIndex.interval(b, p.sw(), b + (long) (p.outW() - 1) * p.sw() + 1), NDArrayIndex.all());
            }
        }
        int[] best = flat(Nd4j.argMax(Nd4j.stack(0, offsets), 0)).toIntVector();
        int[] positions = new int[best.length];
        int c = p.channels();
        for (int q = 0; q < best.length; q++) {
            int ch = q % c;
            int j = q / c % p.outW();
            int i = q / c / p.outW() % p.outH();
            int n = q / c / p.outW() / p.outH();
            int row = i * p.sh() - p.padTop() + best[q] / p.kw();
            int col = j * p.sw() - p.padLeft() + best[q] % p.kw();
            positions[q] = ((n * p.height() + row) * p.width() + col) * c + ch;
        }
        return positions;
    }

    /** {@code out[k] = src[positions[k]]} over the row-major elements, shaped {@code shape}. */
    static INDArray gather(INDArray src, int[] positions, long... shape) {
        INDArray out = Nd4j.exec(new Gather(flat(src), Nd4j.createFromArray(positions), 0))[0];
        return out.reshape('c', shape);
    }

    /**
     * {@code out[positions[k]] += src[k]} into zeros of {@code shape}. ND4J's scatter-add may update
     * one element from several threads, so repeated positions go in separate rounds: round r adds
     * the r-th occurrence of each position, and within a round no position repeats.
     */
    static INDArray scatterAdd(INDArray src, int[] positions, long... shape) {
        INDArray out = Nd4j.create(src.dataType(), Shapes.product(shape));
        INDArray flat = flat(src);
        for (int[] round : roundsOfDistinctPositions(positions, Math.toIntExact(out.length()))) {
            int[] at = new int[round.length];
            for (int k = 0; k < round.length; k++) {
                at[k] = positions[round[k]];
            }
            INDArray updates = Nd4j.exec(new Gather(flat, Nd4j.createFromArray(round), 0))[0];
            out = Nd4j.exec(new ScatterAdd(out, Nd4j.createFromArray(at), updates))[0];
        }
        return out.reshape('c', shape);
    }

    /** {@code a} as a vector of its elements in c order. */
    private static INDArray flat(INDArray a) {
        return a.reshape('c', new long[] {a.length()});
    }

    /** The indices k of {@code positions}, grouped so that no position occurs twice in one group. */
    private static List<int[]> roundsOfDistinctPositions(int[] positions, int range) {
        int[] seen = new int[range];
        int rounds = 0;
        int[] roundOf = new int[positions.length];
        for (int k = 0; k < positions.length; k++) {
            roundOf[k] = seen[positions[k]]++;
            rounds = Math.max(rounds, roundOf[k] + 1);
        }
        int[] sizes = new int[rounds];
        for (int r : roundOf) {
            sizes[r]++;
        }
        List<int[]> groups = new ArrayList<>();
        for (int size : sizes) {
            groups.add(new int[size]);
        }
        int[] filled = new int[rounds];
        for (int k = 0; k < positions.length; k++) {
            groups.get(roundOf[k])[filled[roundOf[k]]++] = k;
        }
        return groups;
    }
}
