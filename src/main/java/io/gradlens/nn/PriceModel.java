package io.gradlens.nn;

import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The built-in multi-input regression model for the {@code price} dataset: two named inputs,
 * {@code features} [B, F] (standardised inside the model with fixed means and scales) and
 * {@code reference_price} [B, 1], and the output
 * <pre>
 *   out = (hidden(features) + 1) · reference_price,   hidden = Dense(1, linear) ∘ Dense(units, tanh)
 * </pre>
 * the structure of {@code io.gradlens.data.PriceGenerator}. By construction
 * {@code ∂out/∂reference_price = hidden + 1} exactly, which sensitivity explanations can be checked
 * against. Train it with a mean squared error on the tape; save it with {@code ModelBundle} (kind
 * {@code price}).
 */
public final class PriceModel implements MultiInputModel {

    /** Name of the feature input. */
    public static final String FEATURES = "features";
    /** Name of the reference price input. */
    public static final String REFERENCE_PRICE = "reference_price";

    private final List<String> featureColumns;
    private final double[] featureMean;
    private final double[] featureScale;
    private final int units;
    private final DataType dtype;
    private final Dense hidden;
    private final Dense head;
    private final Map<String, Object> provenance;

    /**
     * @param featureColumns names of the feature columns, in input order
     * @param featureMean    subtracted from each feature
     * @param featureScale   each centred feature is divided by it (must be &gt; 0)
     * @param units          hidden units
     * @param dtype          float32 or float64
     * @param seed           seeds the weight initialisation
     */
    public PriceModel(List<String> featureColumns, double[] featureMean, double[] featureScale, int units,
                      DataType dtype, long seed) {
        int f = featureColumns.size();
        if (f == 0 || featureMean.length != f || featureScale.length != f) {
            throw new IllegalArgumentException("need one mean and one scale per feature column " + featureColumns);
        }
        for (double s : featureScale) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("feature scales must be finite and positive, got "
                        + Arrays.toString(featureScale));
            }
        }
        if (units < 1) {
            throw new IllegalArgumentException("hidden units must be ≥ 1, got " + units);
        }
        this.featureColumns = List.copyOf(featureColumns);
        this.featureMean = featureMean.clone();
        this.featureScale = featureScale.clone();
        this.units = units;
        this.dtype = dtype;
        Random random = new Random(seed);
        this.hidden = new Dense("hidden", f, units, Activation.TANH, random, dtype);
        this.head = new Dense("head", units, 1, Activation.LINEAR, random, dtype);
        this.provenance = Map.of();
    }

    private PriceModel(PriceModel weights, Map<String, Object> provenance) {
        this.featureColumns = weights.featureColumns;
        this.featureMean = weights.featureMean;
        this.featureScale = weights.featureScale;
        this.units = weights.units;
        this.dtype = weights.dtype;
        this.hidden = weights.hidden;
        this.head = weights.head;
        this.provenance = Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
    }

    /** This model (sharing its weights) with {@code provenance}, e.g. as read from its bundle. */
    public PriceModel withProvenance(Map<String, Object> provenance) {
        return new PriceModel(this, provenance);
    }

    /** Where the model came from (empty unless given by {@link #withProvenance}). */
    @Override
    public Map<String, Object> provenance() {
        return provenance;
    }

    /** Means and scales (population standard deviations) of the columns of {@code rows}. */
    public static double[][] standardisation(double[][] rows) {
        int f = rows[0].length;
        double[] mean = new double[f];
        double[] scale = new double[f];
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                mean[j] += r[j] / rows.length;
            }
        }
        for (double[] r : rows) {
            for (int j = 0; j < f; j++) {
                scale[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / rows.length;
            }
        }
        for (int j = 0; j < f; j++) {
            scale[j] = scale[j] > 0 ? Math.sqrt(scale[j]) : 1.0;
        }
        return new double[][] {mean, scale};
    }

    @Override
    public Map<String, long[]> inputShapes() {
        Map<String, long[]> m = new LinkedHashMap<>();
        m.put(FEATURES, new long[] {featureColumns.size()});
        m.put(REFERENCE_PRICE, new long[] {1});
        return Collections.unmodifiableMap(m);
    }

    @Override
    public Map<String, List<String>> featureNames() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(FEATURES, featureColumns);
        m.put(REFERENCE_PRICE, List.of(REFERENCE_PRICE));
        return Collections.unmodifiableMap(m);
    }

    /** hidden(features) [B, 1] for raw (unstandardised) features [B, F]. */
    public Tensor hidden(Tensor features) {
        if (features.rank() != 2 || features.size(1) != featureColumns.size()) {
            throw new IllegalArgumentException("input '" + FEATURES + "' must be [batch, " + featureColumns.size()
                    + "], got " + Arrays.toString(features.shape()));
        }
        Tensor mean = Tensor.constant(Nd4j.create(featureMean, new long[] {1, featureMean.length}, 'c').castTo(dtype));
        Tensor scale = Tensor.constant(Nd4j.create(featureScale, new long[] {1, featureScale.length}, 'c')
                .castTo(dtype));
        Tensor standard = Ops.div(Ops.sub(features, mean), scale);
        ForwardContext ctx = ForwardContext.inference();
        return head.forward(hidden.forward(standard, ctx), ctx);
    }

    @Override
    public Tensor forward(Map<String, Tensor> inputs, ForwardContext context) {
        Tensor features = inputs.get(FEATURES);
        Tensor reference = inputs.get(REFERENCE_PRICE);
        if (features == null || reference == null) {
            throw new IllegalArgumentException("the price model needs inputs '" + FEATURES + "' and '"
                    + REFERENCE_PRICE + "', got " + inputs.keySet());
        }
        if (reference.rank() != 2 || reference.size(1) != 1 || reference.size(0) != features.size(0)) {
            throw new IllegalArgumentException("input '" + REFERENCE_PRICE + "' must be [batch, 1], got "
                    + Arrays.toString(reference.shape()));
        }
        return Ops.mul(Ops.addScalar(hidden(features), 1.0), reference);
    }

    @Override
    public Map<String, Tensor> parameters() {
        Map<String, Tensor> p = new LinkedHashMap<>();
        for (Layer l : List.of(hidden, head)) {
            l.parameters().forEach((k, v) -> p.put(l.name() + "/" + k, v));
        }
        return Collections.unmodifiableMap(p);
    }

    @Override
    public DataType dtype() {
        return dtype;
    }

    /** Hidden units. */
    public int units() {
        return units;
    }

    /** The configuration that rebuilds this model (weights apart), as JSON-compatible values. */
    public Map<String, Object> config() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("feature_columns", featureColumns);
        c.put("feature_mean", toList(featureMean));
        c.put("feature_scale", toList(featureScale));
        c.put("units", units);
        return c;
    }

    private static List<Double> toList(double[] a) {
        List<Double> l = new ArrayList<>();
        for (double v : a) {
            l.add(v);
        }
        return l;
    }

    /** Rebuilds a model from {@link #config()} (fresh weights). */
    @SuppressWarnings("unchecked")
    public static PriceModel fromConfig(Map<String, Object> config, DataType dtype) {
        try {
            List<String> columns = (List<String>) config.get("feature_columns");
            double[] mean = ((List<Number>) config.get("feature_mean")).stream().mapToDouble(Number::doubleValue)
                    .toArray();
            double[] scale = ((List<Number>) config.get("feature_scale")).stream().mapToDouble(Number::doubleValue)
                    .toArray();
            int units = ((Number) config.get("units")).intValue();
            return new PriceModel(columns, mean, scale, units, dtype, 0);
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("a price model config needs feature_columns, feature_mean, "
                    + "feature_scale and units, got " + config);
        }
    }

    /** Replaces every weight after checking names, shapes and finite values; nothing changes unless all pass. */
    public void loadWeights(Map<String, INDArray> weights) {
        Map<String, Tensor> params = parameters();
        if (!weights.keySet().equals(params.keySet())) {
            throw new IllegalArgumentException("price model weights must be " + params.keySet() + ", got "
                    + weights.keySet());
        }
        for (Map.Entry<String, Tensor> e : params.entrySet()) {
            INDArray w = weights.get(e.getKey());
            if (!Arrays.equals(w.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' has shape " + Arrays.toString(w.shape())
                        + ", expected " + Arrays.toString(e.getValue().shape()));
            }
            if (!FiniteValues.allFinite(w)) {
                throw new IllegalArgumentException("weight '" + e.getKey() + "' contains NaN or infinite values");
            }
        }
        params.forEach((k, v) -> v.assign(weights.get(k).castTo(dtype)));
    }
}
