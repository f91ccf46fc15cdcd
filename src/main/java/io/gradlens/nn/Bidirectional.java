package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs one recurrent layer forward in time and another backward, and merges their outputs (Keras
 * {@code Bidirectional}). The backward layer reads each row's sequence reversed; on padded batches
 * the sequence mask is reversed with it, so the padded steps carry the state over unchanged and the
 * backward direction effectively starts at the row's last real token and ends at its first, whether
 * the row is padded before or after its tokens. With {@code return_sequences} the backward outputs
 * are flipped back to the original time order before merging, and the merged output is zero at
 * padded positions (as in tf.keras, which sets {@code zero_output_for_mask} on both directions).
 *
 * <p>Weights are the wrapped layers' weights prefixed {@code forward/} and {@code backward/}
 * ({@code forward/kernel}, …, {@code backward/bias}), as in Keras files. Per-step states are recorded
 * in the {@link ForwardContext} under {@code <name>/forward/h} and {@code <name>/backward/h} (LSTM:
 * also {@code /c}); both lists are in the original time order: element t of the backward list is
 * the backward state after it has read step t (having read steps T−1 … t).
 */
public final class Bidirectional implements Layer {

    /** How the two directions' outputs are combined. */
    public enum Merge {
        /** Forward then backward features, concatenated on the last axis. */
        CONCAT,
        /** Elementwise sum. */
        SUM,
        /** Elementwise mean. */
        AVE,
        /** Elementwise product. */
        MUL;

        /** The Keras {@code merge_mode} name, e.g. {@code concat}. */
        public String kerasName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses a Keras {@code merge_mode}; the message lists the supported ones. */
        public static Merge fromKerasName(String name) {
            for (Merge m : values()) {
                if (m.kerasName().equals(name)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unsupported merge_mode '" + name + "'; supported: "
                    + Arrays.stream(values()).map(Merge::kerasName).toList());
        }
    }

    private final String name;
    private final RecurrentLayer forwardLayer;
    private final RecurrentLayer backwardLayer;
    private final Merge merge;

    /**
     * @param name          the layer name
     * @param forwardLayer  the forward direction, conventionally named {@code <name>/forward}
     * @param backwardLayer the backward direction, {@code <name>/backward}; same type, units and
     *                      {@code return_sequences} as the forward one
     * @param merge         how outputs are combined
     */
    public Bidirectional(String name, RecurrentLayer forwardLayer, RecurrentLayer backwardLayer, Merge merge) {
        if (!forwardLayer.type().equals(backwardLayer.type()) || forwardLayer.units() != backwardLayer.units()
                || forwardLayer.returnSequences() != backwardLayer.returnSequences()) {
            throw new IllegalArgumentException("bidirectional layer '" + name + "': both directions need the same "
                    + "type, units and return_sequences, got " + forwardLayer.type() + "(" + forwardLayer.units()
                    + ") and " + backwardLayer.type() + "(" + backwardLayer.units() + ")");
        }
        if (forwardLayer.name().equals(backwardLayer.name())) {
            throw new IllegalArgumentException("bidirectional layer '" + name + "': the two directions need "
                    + "different names");
        }
        this.name = name;
        this.forwardLayer = forwardLayer;
        this.backwardLayer = backwardLayer;
        this.merge = merge;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String type() {
        return "bidirectional";
    }

    /** The forward direction. */
    public RecurrentLayer forwardLayer() {
        return forwardLayer;
    }

    /** The backward direction (it reads reversed sequences). */
    public RecurrentLayer backwardLayer() {
        return backwardLayer;
    }

    /** The merge mode. */
    public Merge merge() {
        return merge;
    }

    /** Whether the output has a time axis. */
    public boolean returnSequences() {
        return forwardLayer.returnSequences();
    }

    @Override
    public Tensor forward(Tensor x, ForwardContext context) {
        if (x.rank() != 3) {
            throw new IllegalArgumentException("bidirectional layer '" + name + "' expects [batch, time, features], "
                    + "got " + Arrays.toString(x.shape()));
        }
        Tensor mask = context.sequenceMask();
        Tensor fwd = forwardLayer.forward(x, context);
        Tensor bwd;
        try {
            context.setSequenceMask(mask == null ? null : Tensor.constant(reverseColumns(mask.value())));
            bwd = backwardLayer.forward(reverseTime(x), context);
        } finally {
            context.setSequenceMask(mask);
        }
        for (String part : new String[] {"/h", "/c"}) {
            List<Tensor> states = context.states(backwardLayer.name() + part);
            if (states != null) {
                List<Tensor> inOrder = new ArrayList<>(states);
                Collections.reverse(inOrder);
                context.recordStates(backwardLayer.name() + part, inOrder);
            }
        }
        if (returnSequences()) {
            bwd = reverseTime(bwd);
        }
        Tensor out = switch (merge) {
            case CONCAT -> Ops.concat(fwd.rank() - 1, fwd, bwd);
            case SUM -> Ops.add(fwd, bwd);
            case AVE -> Ops.mulScalar(Ops.add(fwd, bwd), 0.5);
            case MUL -> Ops.mul(fwd, bwd);
        };
        if (returnSequences() && mask != null) {
            INDArray m = mask.value();
            out = Ops.mul(out, Tensor.constant(m.reshape(m.size(0), m.size(1), 1).castTo(out.dtype())));
        }
        return out;
    }

    /** {@code x} [B, T, …] with its time axis (1) reversed. */
    static Tensor reverseTime(Tensor x) {
        long steps = x.size(1);
        if (steps <= 1) {
            return x;
        }
        Tensor[] parts = new Tensor[(int) steps];
        for (int t = 0; t < (int) steps; t++) {
            parts[t] = Ops.slice(x, 1, steps - 1 - t, steps - t);
        }
        return Ops.concat(1, parts);
    }

    private static INDArray reverseColumns(INDArray m) {
        long steps = m.size(1);
        INDArray out = Nd4j.createUninitialized(m.dataType(), m.size(0), steps);
        for (long t = 0; t < steps; t++) {
            out.putColumn((int) t, m.getColumn(steps - 1 - t).dup());
        }
        return out;
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        forwardLayer.parameters().forEach((k, v) -> p.put("forward/" + k, v));
        backwardLayer.parameters().forEach((k, v) -> p.put("backward/" + k, v));
        return p;
    }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("type", forwardLayer.type());
        inner.put("config", forwardLayer.config());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("merge_mode", merge.kerasName());
        c.put("layer", inner);
        return c;
    }

    @Override
    public long[] outputShape(long[] inputShape) {
        long[] out = forwardLayer.outputShape(inputShape);
        if (merge == Merge.CONCAT) {
            out[out.length - 1] *= 2;
        }
        return out;
    }
}
