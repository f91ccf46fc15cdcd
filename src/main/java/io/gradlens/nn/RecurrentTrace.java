package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One recurrent layer run over one sequence (batch 1) without a tape, keeping each step's projected
 * input and state, so that the steps can afterwards be linearised ({@link StepLinearization}) and
 * batches of cotangents pulled back through the recurrence without recording or re-running the
 * forward pass. Built by {@link RecurrentLayer#trace}.
 */
public final class RecurrentTrace {

    private final RecurrentLayer layer;
    private final RecurrentLayer.StepLinearizer linearizer;
    /** kernelᵀ, [gates·H, E]: pulls a projected-input cotangent back to the layer's input. */
    private final INDArray kernelT;
    /** x·kernel + bias, [T, gates·H]. */
    private final INDArray projected;
    /** h_{t-1} at index t: index 0 is the zero initial state, index T the last state. */
    private final List<INDArray> h;
    /** c_{t-1} at index t, or null for cells without a cell state. */
    private final List<INDArray> c;

    RecurrentTrace(RecurrentLayer layer, INDArray x) {
        if (x.rank() != 3 || x.size(0) != 1) {
            throw new IllegalArgumentException("a trace runs one sequence [1, T, E], got " + Arrays.toString(x.shape()));
        }
        this.layer = layer;
        int steps = (int) x.size(1);
        Tensor kernel = layer.kernel();
        layer.beginPass();
        this.projected = Ops.add(Ops.matmul(Tensor.constant(x.reshape(steps, x.size(2))), kernel),
                layer.inputBias()).value();
        this.kernelT = kernel.value().transpose().dup('c');
        this.h = new ArrayList<>(steps + 1);
        this.c = layer.hasCell() ? new ArrayList<>(steps + 1) : null;
        Tensor zeros = Tensor.constant(Nd4j.zeros(x.dataType(), 1, layer.units()));
        RecurrentLayer.State state = new RecurrentLayer.State(zeros, layer.hasCell() ? zeros : null);
        record(state);
        for (int t = 0; t < steps; t++) {
            state = layer.step(Tensor.constant(projectedRow(t)), state);
            record(state);
        }
        this.linearizer = layer.linearizer();
    }

    private void record(RecurrentLayer.State state) {
        h.add(state.h().value());
        if (c != null) {
            c.add(state.c().value());
        }
    }

    private INDArray projectedRow(int t) {
        return projected.getRow(t, true);
    }

    /** The layer. */
    public RecurrentLayer layer() {
        return layer;
    }

    /** T. */
    public int steps() {
        return projected.rows();
    }

    /** Whether the cell has a cell state c. */
    public boolean hasCell() {
        return c != null;
    }

    /** h_t, [1, H]. */
    public INDArray hidden(int t) {
        return h.get(t + 1);
    }

    /** Every h_t as the layer's output sequence, [1, T, H]. */
    public INDArray output() {
        return Nd4j.concat(0, h.subList(1, h.size()).toArray(INDArray[]::new)).reshape(1, steps(), layer.units());
    }

    /** The linearisation of step t around the recorded states. */
    public StepLinearization step(int t) {
        return linearizer.at(projectedRow(t), h.get(t), c == null ? null : c.get(t));
    }

    /**
     * The cotangents of the layer's input x_t, [K, E], from those of the projected input
     * {@code x_t·kernel + bias} [K, gates·H].
     */
    public INDArray inputCotangent(INDArray projectedCotangent) {
        return projectedCotangent.mmul(kernelT);
    }
}
