package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * One recurrent layer run over one sequence (batch 1) without a tape, keeping each step's projected
 * input and state, so that the steps can afterwards be linearised ({@link StepLinearization}) and
 * batches of cotangents pulled back through the recurrence without recording or re-running the
 * forward pass. Built by {@link RecurrentLayer#trace}.
 */
public final class RecurrentTrace {

    private final RecurrentLayer layer;
    private final RecurrentLayer.StepLinearizer linearizer;
    /** h_t for t = 0..T-1, [T, H]. */
    private final INDArray hidden;

    RecurrentTrace(RecurrentLayer layer, INDArray x) {
        if (x.rank() != 3 || x.size(0) != 1) {
            throw new IllegalArgumentException("a trace runs one sequence [1, T, E], got " + Arrays.toString(x.shape()));
        }
        this.layer = layer;
        int steps = (int) x.size(1);
        Tensor kernel = layer.kernel();
        layer.beginPass();
        INDArray projected = Ops.add(Ops.matmul(Tensor.constant(x.reshape(steps, x.size(2))), kernel),
                layer.inputBias()).value();
        // row t of hs (and cs) is the state before step t; row T the last state
        INDArray hs = Nd4j.zeros(x.dataType(), steps + 1, layer.units());
        INDArray cs = layer.hasCell() ? Nd4j.zeros(x.dataType(), steps + 1, layer.units()) : null;
        RecurrentLayer.State state = new RecurrentLayer.State(Tensor.constant(hs.getRow(0, true).dup()),
                cs == null ? null : Tensor.constant(cs.getRow(0, true).dup()));
        for (int t = 0; t < steps; t++) {
            state = layer.step(Tensor.constant(projected.getRow(t, true)), state);
            hs.putRow(t + 1, state.h().value());
            if (cs != null) {
                cs.putRow(t + 1, state.c().value());
            }
        }
        INDArray kernelT = kernel.value().transpose().dup('c');
        INDArray before = hs.get(NDArrayIndex.interval(0, steps), NDArrayIndex.all());
        this.hidden = hs.get(NDArrayIndex.interval(1, steps + 1), NDArrayIndex.all());
        this.linearizer = layer.linearizer(kernelT, projected, before,
                cs == null ? null : cs.get(NDArrayIndex.interval(0, steps), NDArrayIndex.all()));
    }

    /** The layer. */
    public RecurrentLayer layer() {
        return layer;
    }

    /** Whether the cell has a cell state c. */
    public boolean hasCell() {
        return layer.hasCell();
    }

    /** T. */
    public int steps() {
        return (int) hidden.size(0);
    }

    /** h_t, [1, H]. */
    public INDArray hidden(int t) {
        return hidden.getRow(t, true);
    }

    /** Every h_t as the layer's output sequence, [1, T, H]. */
    public INDArray output() {
        return hidden.dup('c').reshape(1, steps(), layer.units());
    }

    /** The linearisation of step t around the recorded states. */
    public StepLinearization step(int t) {
        return linearizer.at(t);
    }
}
