package io.gradlens.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Records operations on watched tensors so that gradients can be computed by reverse-mode
 * differentiation, like TensorFlow's {@code tf.GradientTape}.
 *
 * <pre>{@code
 * try (GradientTape tape = GradientTape.open()) {
 *     tape.watch(x);
 *     Tensor loss = model.apply(x).square().sum();
 *     Tensor dx = tape.gradient(loss, x);
 * }
 * }</pre>
 *
 * <p><b>What is tracked.</b> Tensors passed to {@link #watch}, every variable an operation reads
 * while the tape records (unless the tape was opened with {@code watchAccessedVariables = false}),
 * and every result computed from tracked tensors while the tape records.
 *
 * <p><b>Higher order.</b> Backward rules are written in {@link Ops}. A gradient computed while an
 * outer tape records is recorded by that outer tape, which can differentiate it again, to any
 * order. The tape computing a gradient never records its own backward pass.
 *
 * <p><b>Lifetime.</b> A tape records from {@link #open()} until {@link #close()}. A
 * non-persistent tape computes one gradient and then releases its records; a {@link
 * #persistent()} tape may compute any number.
 *
 * <p>A tape belongs to the thread that opened it.
 */
public final class GradientTape implements AutoCloseable {

    /** Entries recorded by every tape of the process (diagnostics: benchmarks count them per step). */
    private static final java.util.concurrent.atomic.LongAdder ENTRIES = new java.util.concurrent.atomic.LongAdder();

    private final boolean persistent;
    private final boolean watchAccessedVariables;
    private final Set<Long> tracked = new HashSet<>();
    private List<TapeEntry> entries = new ArrayList<>();
    private final long openedAt;
    private long closedAt = Long.MAX_VALUE;
    private boolean recording = true;
    private boolean open = true;
    private boolean spent;

    private GradientTape(boolean persistent, boolean watchAccessedVariables) {
        this.persistent = persistent;
        this.watchAccessedVariables = watchAccessedVariables;
        this.openedAt = Tensor.nextId();
        ActiveTapes.push(this);
    }

    /** Opens a non-persistent tape that watches the variables it sees. */
    public static GradientTape open() {
        return new GradientTape(false, true);
    }

    /** Opens a persistent tape: it can compute several gradients. */
    public static GradientTape persistent() {
        return new GradientTape(true, true);
    }

    /**
     * Opens a tape.
     *
     * @param persistent             whether several gradients may be computed
     * @param watchAccessedVariables whether variables read by operations are watched automatically
     */
    public static GradientTape open(boolean persistent, boolean watchAccessedVariables) {
        return new GradientTape(persistent, watchAccessedVariables);
    }

    /** Makes the tape track these tensors, so gradients with respect to them can be taken. */
    public GradientTape watch(Tensor... tensors) {
        for (Tensor t : tensors) {
            if (!t.isFloatingPoint()) {
                throw new DisconnectedGradientException(DisconnectedGradientException.Reason.INTEGER_TENSOR,
                        "cannot watch " + t.describe() + ": it holds integers (" + t.dtype() + "), which have "
                                + "no gradient. " + INTEGER_ADVICE);
            }
            tracked.add(t.id());
        }
        return this;
    }

    /** How many entries all tapes of the process have recorded so far (for per-step overhead counts). */
    public static long entriesRecorded() {
        return ENTRIES.sum();
    }

    /** Whether this tape tracks the tensor. */
    public boolean isWatching(Tensor t) {
        return tracked.contains(t.id());
    }

    /** Whether operations are being recorded right now. */
    public boolean isRecording() {
        return recording && open;
    }

    /** Number of operations recorded so far (for tests and diagnostics). */
    public int recordedOperations() {
        return entries.size();
    }

    /**
     * Pauses recording until the returned handle is closed, e.g. for a metric that needs no
     * gradient.
     */
    public AutoCloseable stopRecording() {
        boolean previous = recording;
        recording = false;
        return () -> recording = previous;
    }

    /** Whether this open tape tracks {@code t} or would track it when an operation reads it. */
    boolean mayTrack(Tensor t) {
        return open && (tracked.contains(t.id()) || watchAccessedVariables && t.isVariable());
    }

    void maybeRecord(String op, Tensor[] inputs, Tensor[] outs, MultiBackwardRule rule) {
        if (!recording || !open) {
            return;
        }
        boolean tracksAnInput = false;
        for (Tensor in : inputs) {
            if (tracked.contains(in.id())) {
                tracksAnInput = true;
            } else if (watchAccessedVariables && in.isVariable()) {
                tracked.add(in.id());
                tracksAnInput = true;
            }
        }
        if (tracksAnInput) {
            entries.add(new TapeEntry(op, inputs, outs, rule));
            ENTRIES.increment();
            for (Tensor out : outs) {
                tracked.add(out.id());
            }
        }
    }

    /** The gradient of {@code target} (summed over its elements) with respect to {@code source}. */
    public Tensor gradient(Tensor target, Tensor source) {
        return gradient(target, List.of(source)).get(0);
    }

    /** The gradients of {@code target} (summed over its elements) with respect to each source. */
    public List<Tensor> gradient(Tensor target, Tensor... sources) {
        return gradient(target, Arrays.asList(sources));
    }

    /** The gradients of {@code target} (summed over its elements) with respect to each source. */
    public List<Tensor> gradient(Tensor target, List<Tensor> sources) {
        return vjp(target, null, sources, UnconnectedGradients.RAISE);
    }

    /** As {@link #gradient(Tensor, List)}, choosing what unconnected sources get. */
    public List<Tensor> gradient(Tensor target, List<Tensor> sources, UnconnectedGradients unconnected) {
        return vjp(target, null, sources, unconnected);
    }

    /**
     * The vector-Jacobian product {@code seedᵀ · ∂target/∂source} for each source.
     *
     * @param target      the differentiated tensor
     * @param seed        the output gradient, shaped like {@code target}; {@code null} means ones
     * @param sources     the tensors to differentiate with respect to
     * @param unconnected what a source the target does not depend on gets
     */
    public List<Tensor> vjp(Tensor target, Tensor seed, List<Tensor> sources, UnconnectedGradients unconnected) {
        checkUsable();
        if (!target.isFloatingPoint()) {
            throw new IllegalArgumentException("the target " + target.describe() + " holds integers ("
                    + target.dtype() + "); only floating-point targets can be differentiated");
        }
        Tensor start = seed != null ? checkedSeed(target, seed) : Tensor.constant(Nd4j.onesLike(target.value()));
        boolean wasRecording = recording;
        recording = false;
        try {
            Map<Long, Tensor> grads = backpropagate(target, start, sources);
            List<Tensor> result = new ArrayList<>(sources.size());
            for (Tensor source : sources) {
                // Like TensorFlow, only tracked tensors receive gradients, even where an untracked one
                // was read by a recorded operation: what a tape differentiates never depends on luck.
                Tensor g = tracked.contains(source.id()) ? grads.get(source.id()) : null;
                if (g == null) {
                    if (unconnected == UnconnectedGradients.ZERO) {
                        g = Tensor.constant(Nd4j.zeros(source.isFloatingPoint() ? source.dtype() : target.dtype(),
                                source.shape()));
                    } else {
                        throw explain(source, target);
                    }
                }
                result.add(g);
            }
            return result;
        } finally {
            recording = wasRecording;
            if (!persistent) {
                spent = true;
                entries = new ArrayList<>();
            }
        }
    }

    private Map<Long, Tensor> backpropagate(Tensor target, Tensor seed, List<Tensor> sources) {
        Set<Long> sourceIds = new HashSet<>();
        for (Tensor s : sources) {
            sourceIds.add(s.id());
        }
        int last = indexOfEntryProducing(target);
        // Forward sweep: which tensors lie on a path from a source? Only those need gradients.
        Set<Long> leadsToSource = new HashSet<>(sourceIds);
        for (int i = 0; i <= last; i++) {
            TapeEntry e = entries.get(i);
            for (Tensor in : e.inputs()) {
                if (leadsToSource.contains(in.id())) {
                    for (Tensor out : e.outputs()) {
                        leadsToSource.add(out.id());
                    }
                    break;
                }
            }
        }
        Map<Long, Tensor> grads = new HashMap<>();
        grads.put(target.id(), seed);
        for (int i = last; i >= 0; i--) {
            TapeEntry e = entries.get(i);
            Tensor[] outs = e.outputs();
            if (!leadsToSource.contains(outs[0].id())) {
                continue;
            }
            Tensor[] upstream = new Tensor[outs.length];
            boolean anyUpstream = false;
            for (int k = 0; k < outs.length; k++) {
                long outId = outs[k].id();
                upstream[k] = sourceIds.contains(outId) ? grads.get(outId) : grads.remove(outId);
                anyUpstream |= upstream[k] != null;
            }
            if (!anyUpstream) {
                continue;
            }
            Tensor[] inputs = e.inputs();
            boolean[] needed = new boolean[inputs.length];
            boolean any = false;
            for (int k = 0; k < inputs.length; k++) {
                needed[k] = inputs[k].isFloatingPoint() && leadsToSource.contains(inputs[k].id());
                any |= needed[k];
            }
            if (!any) {
                continue;
            }
            Tensor[] inGrads = e.rule().apply(upstream, needed);
            for (int k = 0; k < inputs.length; k++) {
                if (needed[k] && inGrads[k] != null) {
                    checkShape(e, inputs[k], inGrads[k]);
                    grads.merge(inputs[k].id(), inGrads[k], Ops::add);
                }
            }
        }
        return grads;
    }

    private int indexOfEntryProducing(Tensor target) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            for (Tensor out : entries.get(i).outputs()) {
                if (out.id() == target.id()) {
                    return i;
                }
            }
        }
        // The target is a leaf (or untracked): nothing before it can be reached through it.
        return -1;
    }

    private static void checkShape(TapeEntry e, Tensor input, Tensor grad) {
        if (!Arrays.equals(input.shape(), grad.shape())) {
            throw new IllegalStateException("backward rule of '" + e.op() + "' returned a gradient of shape "
                    + Arrays.toString(grad.shape()) + " for an input of shape " + Arrays.toString(input.shape()));
        }
    }

    private static Tensor checkedSeed(Tensor target, Tensor seed) {
        if (!Arrays.equals(target.shape(), seed.shape())) {
            throw new IllegalArgumentException("the seed must be shaped like the target "
                    + Arrays.toString(target.shape()) + ", got " + Arrays.toString(seed.shape()));
        }
        if (seed.dtype() != target.dtype()) {
            throw new IllegalArgumentException("the seed must have the target's type " + target.dtype()
                    + ", got " + seed.dtype());
        }
        return seed;
    }

    private void checkUsable() {
        if (spent) {
            throw new IllegalStateException("this non-persistent tape has already computed a gradient and "
                    + "released its records; open it with GradientTape.persistent() to compute several");
        }
    }

    static final String INTEGER_ADVICE = "For token ids, take the gradient with respect to the embedding "
            + "output instead (watch the tensor the Embedding layer returns).";

    private DisconnectedGradientException explain(Tensor source, Tensor target) {
        String what = source.describe();
        if (!source.isFloatingPoint()) {
            return new DisconnectedGradientException(DisconnectedGradientException.Reason.INTEGER_TENSOR,
                    "no gradient for " + what + ": it holds integers (" + source.dtype() + "), which have no "
                            + "gradient. " + INTEGER_ADVICE);
        }
        boolean isSlice = "slice".equals(source.producer());
        if (!tracked.contains(source.id())) {
            if (source.kind() == Tensor.Kind.CONSTANT) {
                return new DisconnectedGradientException(DisconnectedGradientException.Reason.NOT_WATCHED,
                        "no gradient for " + what + ": the tape does not watch it. Call tape.watch(x) before "
                                + "computing with x (variables are watched automatically).");
            }
            if (source.kind() == Tensor.Kind.VARIABLE) {
                return new DisconnectedGradientException(DisconnectedGradientException.Reason.NOT_CONNECTED,
                        "no gradient for variable " + what + ": no operation read it while this tape recorded"
                                + (watchAccessedVariables ? "" : " (and this tape does not watch variables "
                                + "automatically: watch it)") + ".");
            }
            if (source.id() >= closedAt) {
                String advice = isSlice
                        ? " It is a slice taken after the target was computed, so the target never used it: "
                        + "take the gradient with respect to the whole tensor and slice the gradient instead."
                        : " Compute it inside the tape, before the target.";
                return new DisconnectedGradientException(isSlice
                        ? DisconnectedGradientException.Reason.COMPUTED_AFTER_TARGET
                        : DisconnectedGradientException.Reason.COMPUTED_OUTSIDE_TAPE,
                        "no gradient for " + what + ": it was computed after the tape stopped recording." + advice);
            }
            if (source.id() < openedAt) {
                return new DisconnectedGradientException(DisconnectedGradientException.Reason.COMPUTED_OUTSIDE_TAPE,
                        "no gradient for " + what + ": it was computed before the tape started recording. "
                                + "Call tape.watch(x) on it, or compute it inside the tape.");
            }
            return new DisconnectedGradientException(DisconnectedGradientException.Reason.NOT_WATCHED,
                    "no gradient for " + what + ": it was computed from tensors the tape does not watch. "
                            + "Watch the tensors it was computed from, or watch it directly.");
        }
        if (source.id() > target.id()) {
            String advice = isSlice
                    ? " It is a slice taken after the target was computed, so the target never used it: take "
                    + "the gradient with respect to the whole tensor and slice the gradient instead."
                    : " Gradients flow only to tensors the target was computed from.";
            return new DisconnectedGradientException(DisconnectedGradientException.Reason.COMPUTED_AFTER_TARGET,
                    "no gradient for " + what + ": it was computed after the target " + target.describe() + "."
                            + advice);
        }
        return new DisconnectedGradientException(DisconnectedGradientException.Reason.NOT_CONNECTED,
                "no gradient for " + what + ": the target " + target.describe() + " does not depend on it through "
                        + "any recorded operation. Pass UnconnectedGradients.ZERO to get zeros instead.");
    }

    /** Stops recording; gradients can still be computed afterwards. */
    @Override
    public void close() {
        if (open) {
            open = false;
            closedAt = Tensor.nextId();
            ActiveTapes.remove(this);
        }
    }
}
