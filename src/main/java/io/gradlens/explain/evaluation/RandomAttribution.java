package io.gradlens.explain.evaluation;

import io.gradlens.explain.Attribution;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionMethod;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.FeatureAttribution;
import io.gradlens.explain.PixelAttribution;
import io.gradlens.explain.TokenAttribution;
import io.gradlens.nn.Classifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The random baseline every metric is compared with: the method's own map with its scores randomly
 * permuted over the positions (seeded). It keeps the method's score distribution (so scale-
 * sensitive metrics such as infidelity compare like with like) and the explained class, and
 * destroys only where the relevance lies: a method that does not beat it has not located what the
 * prediction rests on.
 */
public final class RandomAttribution implements AttributionMethod {

    /** The name in exports. */
    public static final String NAME = "random";

    private final AttributionMethod method;
    private final Random random;
    private final long seed;

    /**
     * @param method whose maps are permuted
     * @param seed   seeds the permutations (the same seed and calls give the same maps)
     */
    public RandomAttribution(AttributionMethod method, long seed) {
        this.method = java.util.Objects.requireNonNull(method, "method");
        this.random = new Random(seed);
        this.seed = seed;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>(method.parameters());
        p.put("permuted-method", method.name());
        p.put("random-seed", seed);
        return p;
    }

    @Override
    public List<Attribution> attribute(Classifier model, AttributionInputs inputs, AttributionTarget target) {
        return shuffle(method.attribute(model, inputs, target));
    }

    /** The maps with their scores permuted by this baseline's generator. */
    public synchronized List<Attribution> shuffle(List<Attribution> maps) {
        List<Attribution> out = new ArrayList<>(maps.size());
        for (Attribution a : maps) {
            double[] s = a.scores();
            for (int i = s.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                double t = s[i];
                s[i] = s[j];
                s[j] = t;
            }
            out.add(withScores(a, s));
        }
        return out;
    }

    private Attribution withScores(Attribution a, double[] s) {
        Map<String, Object> p = parameters();
        if (a instanceof TokenAttribution t) {
            return new TokenAttribution(t.tokens(), t.tokenIds(), s, t.target(), t.probabilities(), NAME, p,
                    Map.of());
        }
        if (a instanceof PixelAttribution px) {
            return new PixelAttribution(px.height(), px.width(), px.channels(), s, px.target(), px.probabilities(),
                    NAME, p, Map.of());
        }
        FeatureAttribution f = (FeatureAttribution) a;
        return new FeatureAttribution(f.shape(), s, f.target(), f.probabilities(), NAME, p, Map.of());
    }
}
