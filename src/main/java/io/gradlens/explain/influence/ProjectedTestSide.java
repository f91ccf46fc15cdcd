package io.gradlens.explain.influence;

import io.gradlens.nn.Sequential;
import io.gradlens.train.Batch;
import io.gradlens.train.CheckpointRecorder.Checkpoint;
import io.gradlens.train.ExampleSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The test side of projected TracIn (Pruthi et al., NeurIPS 2020, https://arxiv.org/abs/2002.08484;
 * projection as in TRAK, Park et al., ICML 2023, https://arxiv.org/abs/2303.14186), computed at query
 * time: {@code P∇ℓ(θ_c; x_t, j)} at every checkpoint for one test example and the explained class
 * {@code j}. Only the training side is cached; a query costs one tape pass per checkpoint.
 *
 * <p>The checkpoint weights are loaded into a private copy of the network, never into the model the
 * caller (and, in the workbench, every other tab) uses, so a query or a precomputation running in
 * the background cannot change anyone else's predictions.
 */
public final class ProjectedTestSide {

    private final Sequential scratch;
    private final List<Checkpoint> checkpoints;
    private final ExampleSet test;
    private final InfluenceLayers layers;
    private final GradientProjection projection;

    /**
     * @param model       the trained network (copied; never changed)
     * @param checkpoints the snapshots the training side was built over, oldest first
     * @param test        the test examples queries refer to by position
     * @param layers      the chosen layers, as for the training side
     * @param projection  the same projection as the training side (same d and seed)
     * @throws IllegalArgumentException when {@code layers} chooses no weight of the model
     */
    public ProjectedTestSide(Sequential model, List<Checkpoint> checkpoints, ExampleSet test, InfluenceLayers layers,
                             GradientProjection projection) {
        layers.parameterNames(model);
        this.scratch = copyOf(model);
        this.checkpoints = List.copyOf(checkpoints);
        this.test = test;
        this.layers = layers;
        this.projection = projection;
    }

    /** The private copy of the network, which the training side may also be built on. */
    Sequential network() {
        return scratch;
    }

    /** The checkpoints. */
    List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** The chosen layers. */
    InfluenceLayers layers() {
        return layers;
    }

    /** The projection. */
    GradientProjection projection() {
        return projection;
    }

    /**
     * {@code P∇ℓ(θ_c; x_t, classIndex)} per checkpoint, [checkpoints][d].
     *
     * @throws IllegalArgumentException when {@code testIndex} is out of range
     */
    public synchronized double[][] project(int testIndex, int classIndex) {
        if (testIndex < 0 || testIndex >= test.size()) {
            throw new IllegalArgumentException("test index " + testIndex + " is out of range 0.." + (test.size() - 1));
        }
        Batch one = test.batch(new int[] {testIndex});
        Batch asClass = new Batch(one.input(), new int[] {classIndex}, null);
        return ProjectedTracIn.project(scratch, checkpoints, asClass, layers, projection);
    }

    /** A network of the same architecture holding the same weights, sharing no array with {@code model}. */
    static Sequential copyOf(Sequential model) {
        Sequential copy = Sequential.fromArchitecture(model.inputShape(), model.dtype(), model.architecture(), 0);
        Map<String, INDArray> weights = new LinkedHashMap<>();
        model.parameters().forEach((name, value) -> weights.put(name, value.value().dup()));
        copy.loadWeights(weights);
        return copy;
    }
}
