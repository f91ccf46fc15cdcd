package io.gradlens.autodiff;

import java.util.ArrayList;
import java.util.List;

/**
 * The tapes recording on the current thread, innermost last. Operations consult it once each;
 * when no tape records, they skip every piece of bookkeeping.
 */
final class ActiveTapes {

    private static final ThreadLocal<List<GradientTape>> TAPES = ThreadLocal.withInitial(ArrayList::new);

    private ActiveTapes() {
    }

    static void push(GradientTape tape) {
        TAPES.get().add(tape);
    }

    static void remove(GradientTape tape) {
        TAPES.get().remove(tape);
    }

    /** How many tapes on this thread are recording right now. */
    static int recordingCount() {
        int n = 0;
        for (GradientTape tape : TAPES.get()) {
            if (tape.isRecording()) {
                n++;
            }
        }
        return n;
    }

    /**
     * Whether a tape on this thread tracks {@code t} (or would, on reading it): whether a gradient
     * with respect to {@code t} may be asked of the operations recorded now. Operations use it to
     * skip keeping what only that gradient needs.
     */
    static boolean mayTrack(Tensor t) {
        for (GradientTape tape : TAPES.get()) {
            if (tape.mayTrack(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates the result tensor of an operation and lets every recording tape that tracks one of
     * the inputs record it.
     */
    static Tensor record(String op, org.nd4j.linalg.api.ndarray.INDArray value, BackwardRule rule,
                         Tensor... inputs) {
        Engine.countOperation();
        OpProfile.charge(op);
        Tensor out = new Tensor(value, Tensor.Kind.RESULT, null, op);
        List<GradientTape> tapes = TAPES.get();
        if (tapes.isEmpty() || !out.isFloatingPoint()) {
            return out;
        }
        Tensor[] outs = {out};
        MultiBackwardRule multi = (upstream, needed) -> rule.apply(upstream[0], needed);
        for (int i = 0; i < tapes.size(); i++) {
            tapes.get(i).maybeRecord(op, inputs, outs, multi);
        }
        return out;
    }

    /**
     * Creates the results of an operation with several outputs computed together, and lets every
     * recording tape that tracks one of the inputs record them as one entry.
     */
    static Tensor[] recordMulti(String op, org.nd4j.linalg.api.ndarray.INDArray[] values, MultiBackwardRule rule,
                                Tensor... inputs) {
        Engine.countOperation();
        OpProfile.charge(op);
        Tensor[] outs = new Tensor[values.length];
        for (int k = 0; k < values.length; k++) {
            outs[k] = new Tensor(values[k], Tensor.Kind.RESULT, null, op);
        }
        List<GradientTape> tapes = TAPES.get();
        if (tapes.isEmpty() || !outs[0].isFloatingPoint()) {
            return outs;
        }
        for (int i = 0; i < tapes.size(); i++) {
            tapes.get(i).maybeRecord(op, inputs, outs, rule);
        }
        return outs;
    }
}
