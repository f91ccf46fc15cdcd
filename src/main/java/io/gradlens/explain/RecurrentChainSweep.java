package io.gradlens.explain;

import io.gradlens.nn.Dropout;
import io.gradlens.nn.Layer;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.nn.RecurrentTrace;
import io.gradlens.nn.Sequential;
import io.gradlens.nn.StepLinearization;
import io.gradlens.util.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * Rows of a hidden-state map by one reverse sweep through the recurrence with a batch of seeds: the
 * vector mode of reverse differentiation (Griewank and Walther, "Evaluating Derivatives", 2nd ed.,
 * SIAM 2008, ch. 3) applied to the time loop. Row t needs the vector-Jacobian product of r(h_t)
 * with respect to every x_s; all rows share the forward pass, so it is run once, at batch 1, and
 * kept ({@link RecurrentTrace}). The sweep then walks s = t1, …, 0 carrying one cotangent row per
 * map row: row t enters, seeded with ∂r/∂h_t, when the sweep reaches step t (nothing reaches it
 * earlier, by causality, so the upper triangle costs nothing), and at each step every active row is
 * pulled back through that step's linearisation at once, giving the K cotangents of x_s, whose
 * norms are column s of the K rows. The work is T(T+1)/2 row-steps of backward algebra, with no
 * re-run forward and no tape; memory is a few [K, H] arrays.
 *
 * <p>It applies when only recurrent layers that return sequences, or dropout (the identity at
 * inference), lie between the embedding and the mapped layer: then the whole chain is pulled back
 * step by step, top layer first (the cotangent of an upper layer's input at step s joins the
 * recurrent cotangent of the lower layer's h_s).
 *
 * <p><b>Scaling of rows.</b> Far from its seed a row's cotangents vanish geometrically (the very
 * effect the map shows); in float32 they would reach the subnormal range after a few hundred steps,
 * where they lose precision and every arithmetic operation on them is many times slower. Since a
 * pull-back is linear, each row is carried multiplied by a power of two 2^-e_r, renormalised when
 * its largest entry leaves [2^-20, 2^20]; column s of the row is the computed norm times 2^e_r, in
 * double precision. Multiplying by a power of two is exact, so this changes no digit of a normal
 * result.
 */
final class RecurrentChainSweep {

    /**
     * A row whose largest cotangent leaves [2^-{@value}, 2^{@value}] is rescaled by a power of two.
     */
    private static final int RESCALE_EXPONENT = 20;
    /** Steps between progress reports inside one sweep. */
    private static final int PROGRESS_EVERY = 64;

    /** The traced recurrent layers, bottom first; the last is the mapped layer. */
    private final List<RecurrentTrace> chain;

    private RecurrentChainSweep(List<RecurrentTrace> chain) {
        this.chain = chain;
    }

    /**
     * Traces layers 1..{@code mapped} of {@code network} on the embedding output {@code x} [1, T, E],
     * or returns null when a layer in between is neither recurrent (returning sequences) nor dropout.
     */
    static RecurrentChainSweep trace(Sequential network, int mapped, INDArray x) {
        List<RecurrentLayer> layers = new ArrayList<>();
        for (int i = 1; i <= mapped; i++) {
            Layer l = network.layer(i);
            if (l instanceof RecurrentLayer r && (i == mapped || r.returnSequences())) {
                layers.add(r);
            } else if (!(l instanceof Dropout)) {
                return null;
            }
        }
        List<RecurrentTrace> chain = new ArrayList<>();
        INDArray input = x;
        for (RecurrentLayer r : layers) {
            RecurrentTrace trace = r.trace(input);
            chain.add(trace);
            input = trace.output();
        }
        return new RecurrentChainSweep(chain);
    }

    /** The mapped layer's trace. */
    RecurrentTrace mapped() {
        return chain.get(chain.size() - 1);
    }

    /**
     * Bytes of native memory one map row occupies during a sweep (cotangents, the gate-sized
     * products of a pull-back and the tape of a cell without a hand-derived adjoint).
     */
    long bytesPerRow(int width) {
        long bytes = 0;
        for (RecurrentTrace t : chain) {
            int units = t.layer().units();
            long gates = t.layer().parameters().get("kernel").size(1);
            long inputs = t.layer().parameters().get("kernel").size(0);
            bytes += 12 * gates + 4L * units + inputs;
        }
        return bytes * width;
    }

    /**
     * Pulls back a batch of map rows in one sweep: row r is series {@code rows.get(r).series()}'s
     * row t = {@code rows.get(r).t()}, seeded with {@code seeds.of(series, t)} = ∂r/∂h_t. Rows must
     * be sorted by t, largest first, so the rows active at step s (those with t ≥ s) are a prefix
     * of the batch; several series may share a step (one row per selected unit, say). Column s of
     * every active row goes to {@code out} for s = t, …, 0.
     *
     * @param progress told (row-steps done, row-steps in the batch) every {@value #PROGRESS_EVERY} steps
     */
    void rows(List<HiddenStatePullBack.Row> rows, HiddenStatePullBack.Seeds seeds, HiddenStatePullBack.Columns out,
              CancellationToken cancel, Progress progress) {
        int n = rows.size();
        int layers = chain.size();
        for (int r = 1; r < n; r++) {
            if (rows.get(r).t() > rows.get(r - 1).t()) {
                throw new IllegalArgumentException("sweep rows must be sorted by t, largest first");
            }
        }
        INDArray[] dh = new INDArray[layers];
        INDArray[] dc = new INDArray[layers];
        for (int l = 0; l < layers; l++) {
            RecurrentTrace trace = chain.get(l);
            INDArray h = trace.hidden(0);
            dh[l] = Nd4j.zeros(h.dataType(), n, h.size(1));
            dc[l] = trace.hasCell() ? Nd4j.zeros(h.dataType(), n, h.size(1)) : null;
        }
        int units = (int) dh[layers - 1].size(1);
        // row r's cotangents are carried multiplied by 2^-exponent[r]
        int[] exponent = new int[n];
        long work = 0;
        long totalWork = 0;
        for (HiddenStatePullBack.Row row : rows) {
            totalWork += row.t() + 1;
        }
        int active = 0;
        for (int s = rows.get(0).t(); s >= 0; s--) {
            cancel.throwIfCancelled();
            int entering = active;
            while (active < n && rows.get(active).t() == s) {
                active++;
            }
            if (active > entering) {
                // the rows with t = s enter, seeded with ∂r/∂h_s: one block, one assignment
                double[] block = new double[(active - entering) * units];
                for (int r = entering; r < active; r++) {
                    HiddenStatePullBack.Row row = rows.get(r);
                    System.arraycopy(seeds.of(row.series(), row.t()), 0, block, (r - entering) * units, units);
                }
                INDArray seed = Nd4j.create(block, new long[] {active - entering, units}, 'c');
                INDArray typed = seed.castTo(dh[layers - 1].dataType());
                dh[layers - 1].get(NDArrayIndex.interval(entering, active), NDArrayIndex.all()).assign(typed);
                seed.close(); // closing both is safe when the cast returned the same array
                typed.close();
            }
            StepLinearization.Cotangents above = null;
            for (int l = layers - 1; l >= 0; l--) {
                INDArray dhActive = dh[l].get(NDArrayIndex.interval(0, active), NDArrayIndex.all());
                INDArray dcActive = dc[l] == null ? null
                        : dc[l].get(NDArrayIndex.interval(0, active), NDArrayIndex.all());
                if (above != null) {
                    // the upper layer's input at step s is this layer's h_s
                    dhActive.addi(above.input());
                    above.close();
                }
                StepLinearization.Cotangents back = chain.get(l).step(s).pullBack(dhActive, dcActive);
                dhActive.assign(back.h());
                if (dcActive != null) {
                    dcActive.assign(back.c());
                }
                above = back;
            }
            INDArray norms = above.input().norm2(1);
            double[] column = norms.toDoubleVector();
            norms.close();
            // Scope of one step: its cotangents are dead once copied into the carried state; free them
            // now rather than when the collector happens to find their small Java wrappers.
            above.close();
            for (int r = 0; r < active; r++) {
                HiddenStatePullBack.Row row = rows.get(r);
                out.put(row.series(), row.t(), s, Math.scalb(column[r], exponent[r]));
            }
            rescale(dh, dc, active, exponent);
            work += active;
            if (s > 0 && (rows.get(0).t() - s + 1) % PROGRESS_EVERY == 0) {
                progress.report(work, totalWork);
            }
        }
        for (int l = 0; l < layers; l++) {
            dh[l].close();
            if (dc[l] != null) {
                dc[l].close();
            }
        }
    }

    /** Renormalises by a power of two every active row whose largest cotangent drifted far from 1. */
    private static void rescale(INDArray[] dh, INDArray[] dc, int active, int[] exponent) {
        double[] max = new double[active];
        List<INDArray> carried = new ArrayList<>();
        for (int l = 0; l < dh.length; l++) {
            for (INDArray a : new INDArray[] {dh[l], dc[l]}) {
                if (a == null) {
                    continue;
                }
                INDArray view = a.get(NDArrayIndex.interval(0, active), NDArrayIndex.all());
                carried.add(view);
                INDArray amax = view.amax(1);
                double[] m = amax.toDoubleVector();
                amax.close();
                for (int r = 0; r < active; r++) {
                    max[r] = Math.max(max[r], m[r]);
                }
            }
        }
        double[] factor = new double[active];
        boolean any = false;
        for (int r = 0; r < active; r++) {
            factor[r] = 1.0;
            if (max[r] > 0) {
                int e = Math.getExponent(max[r]);
                if (Math.abs(e) > RESCALE_EXPONENT) {
                    factor[r] = Math.scalb(1.0, -e);
                    exponent[r] += e;
                    any = true;
                }
            }
        }
        if (any) {
            INDArray factors = Nd4j.create(factor, new long[] {active, 1}, 'c');
            INDArray f = factors.castTo(dh[0].dataType());
            for (INDArray view : carried) {
                view.muliColumnVector(f);
            }
            f.close();
            factors.close();
        }
    }

    /** Progress inside a sweep: row-steps done out of the batch's row-steps. */
    @FunctionalInterface
    interface Progress {
        void report(long done, long total);
    }
}
