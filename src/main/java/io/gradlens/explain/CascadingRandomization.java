package io.gradlens.explain;

import io.gradlens.nn.Classifier;
import io.gradlens.nn.Layer;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The model-parameter randomisation sanity check of Adebayo, Gilmer, Muelly, Goodfellow, Hardt
 * and Kim 2018 ("Sanity Checks for Saliency Maps", NeurIPS,
 * <a href="https://arxiv.org/abs/1810.03292">arXiv:1810.03292</a>), cascading version: the layers
 * with weights are re-initialised from the output layer down, one more at a time, and at each step
 * the saliency of the randomised model is compared with the trained model's by Spearman rank
 * correlation, of absolute values and of signed values. A method whose maps survive
 * randomisation (high correlation) does not explain what the model learned.
 *
 * <p>Randomised models are copies built from the architecture with a seeded fresh
 * initialisation; the user's model is never modified. Each example is explained for the class
 * the <em>trained</em> model explains (its prediction by default), so maps of the same class are
 * compared.
 */
public final class CascadingRandomization {

    private final AttributionMethod method;
    private final long seed;

    /**
     * @param method the saliency method to test (e.g. {@link Gradient#defaults()})
     * @param seed   seeds the re-initialisation
     */
    public CascadingRandomization(AttributionMethod method, long seed) {
        this.method = java.util.Objects.requireNonNull(method, "method");
        this.seed = seed;
    }

    /** Runs the cascade on {@code inputs}. */
    public SanityReport attribute(Classifier model, AttributionInputs inputs, AttributionTarget target,
                                  ProgressListener progress, CancellationToken cancel) {
        List<Attribution> trained = method.attribute(model, inputs, target);
        int[] targets = trained.stream().mapToInt(Attribution::target).toArray();
        Sequential network = model.network();
        List<String> top = new ArrayList<>();
        for (int i = network.layers().size() - 1; i >= 0; i--) {
            Layer l = network.layer(i);
            if (!l.parameters().isEmpty()) {
                top.add(l.name());
            }
        }
        Sequential fresh = Sequential.fromArchitecture(network.inputShape(), network.dtype(), network.architecture(),
                seed);
        List<SanityStep> steps = new ArrayList<>();
        for (int k = 1; k <= top.size(); k++) {
            cancel.throwIfCancelled();
            Set<String> randomized = new HashSet<>(top.subList(0, k));
            Map<String, INDArray> weights = new LinkedHashMap<>();
            for (Layer l : network.layers()) {
                Layer source = randomized.contains(l.name()) ? fresh.layer(l.name()) : l;
                source.parameters().forEach((p, t) -> weights.put(l.name() + "/" + p, t.value().dup()));
            }
            Sequential copy = Sequential.fromArchitecture(network.inputShape(), network.dtype(),
                    network.architecture(), seed);
            copy.loadWeights(weights);
            Classifier randomModel = new Classifier(copy, model.input(), model.classNames(), model.provenance());
            List<Attribution> random = attributeFor(randomModel, inputs, targets);
            double[] abs = new double[targets.length];
            double[] signed = new double[targets.length];
            for (int i = 0; i < targets.length; i++) {
                double[] a = trained.get(i).scores();
                double[] b = random.get(i).scores();
                signed[i] = Spearman.correlation(a, b);
                abs[i] = Spearman.correlation(absolute(a), absolute(b));
            }
            steps.add(new SanityStep(top.subList(0, k), nanMean(abs), nanMean(signed), abs, signed));
            progress.progress(k, top.size(), "sanity check: randomised " + String.join(", ", top.subList(0, k)));
        }
        Map<String, Object> params = new LinkedHashMap<>(method.parameters());
        params.put("seed", seed);
        params.put("target", target.toString());
        return new SanityReport(method.name(), params, targets.length, steps);
    }

    /** Explains every example for its own fixed class, one call per class. */
    private List<Attribution> attributeFor(Classifier model, AttributionInputs inputs, int[] targets) {
        Attribution[] out = new Attribution[targets.length];
        Set<Integer> classes = new HashSet<>();
        for (int t : targets) {
            classes.add(t);
        }
        for (int c : classes) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < targets.length; i++) {
                if (targets[i] == c) {
                    idx.add(i);
                }
            }
            List<Attribution> part = method.attribute(model, select(inputs, idx), AttributionTarget.of(c));
            for (int j = 0; j < idx.size(); j++) {
                out[idx.get(j)] = part.get(j);
            }
        }
        return List.of(out);
    }

    private static AttributionInputs select(AttributionInputs inputs, List<Integer> idx) {
        return inputs.select(idx);
    }

    private static double[] absolute(double[] v) {
        double[] a = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            a[i] = Math.abs(v[i]);
        }
        return a;
    }

    private static double nanMean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }
}
