package io.gradlens.nn;

import io.gradlens.autodiff.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What one forward pass knows besides its input: training or inference (dropout), the random
 * source for dropout, the padding mask of a batch of sequences, and what layers record along the
 * way: every layer's output and each recurrent layer's per-step states.
 */
public final class ForwardContext {

    private final boolean training;
    private final Random random;
    private Tensor sequenceMask;
    private final Map<String, Tensor> layerOutputs = new LinkedHashMap<>();
    private final Map<String, List<Tensor>> states = new LinkedHashMap<>();

    private ForwardContext(boolean training, Random random) {
        this.training = training;
        this.random = random;
    }

    /** Inference: dropout is off. */
    public static ForwardContext inference() {
        return new ForwardContext(false, new Random(0));
    }

    /** Training: dropout draws its masks from {@code random}. */
    public static ForwardContext training(Random random) {
        return new ForwardContext(true, random);
    }

    public boolean isTraining() {
        return training;
    }

    public Random random() {
        return random;
    }

    /**
     * The mask of real (1) and padding (0) positions of a batch of sequences, [B, T], or {@code
     * null} when nothing is padded.
     */
    public Tensor sequenceMask() {
        return sequenceMask;
    }

    public void setSequenceMask(Tensor mask) {
        this.sequenceMask = mask;
    }

    void recordOutput(String layer, Tensor output) {
        layerOutputs.put(layer, output);
    }

    /** The output of the named layer in this pass, or {@code null}. */
    public Tensor output(String layer) {
        return layerOutputs.get(layer);
    }

    /** Every layer's output in order. */
    public Map<String, Tensor> outputs() {
        return layerOutputs;
    }

    void recordStates(String key, List<Tensor> perStep) {
        states.put(key, new ArrayList<>(perStep));
    }

    /**
     * The per-step states a recurrent layer recorded: key {@code <layer>/h} for hidden states,
     * {@code <layer>/c} for LSTM cell states; element t is the state after step t, [B, H].
     * Where an LSTM ran as one whole-sequence operation (at most one recording tape, see
     * {@link io.gradlens.autodiff.LstmSequence}), take gradients <em>of</em> these states; a gradient
     * <em>with respect to</em> a middle state would miss the path through later steps.
     */
    public List<Tensor> states(String key) {
        return states.get(key);
    }

    /** Every recorded per-step state sequence. */
    public Map<String, List<Tensor>> allStates() {
        return states;
    }
}
