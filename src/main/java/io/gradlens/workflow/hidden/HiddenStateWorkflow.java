package io.gradlens.workflow.hidden;

import io.gradlens.data.Dataset;
import io.gradlens.data.ReadLimits;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Vocabulary;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.explain.HiddenUnitCurves;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.explain.HiddenUnits;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Layer;
import io.gradlens.nn.RecurrentLayer;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Hidden-state gradients over time of one recurrent text model (Bengio, Simard and Frasconi 1994,
 * https://doi.org/10.1109/72.279181; Pascanu, Mikolov and Bengio 2013, https://arxiv.org/abs/1211.5063):
 * {@link #map} for one text (the T×T map, the curve and r(h_t), {@link HiddenStateGradients}),
 * {@link #units} for single units of one text (chosen, or the top k by activation or gradient,
 * {@link HiddenUnits}), {@link #read} for all the Hidden state tab shows of one text (map, units,
 * prediction, out-of-vocabulary tokens), and {@link #sample} for a seeded sample of a dataset's
 * texts (their curves only). The model is checked
 * once, at construction: without a recurrent layer there is nothing to map
 * ({@link NoRecurrentLayerException}). {@code gradlens hidden-grad} and the workbench's Hidden state
 * tab both run this class.
 */
public final class HiddenStateWorkflow {

    /** Maps one text; {@link #map} is one, a test double another. */
    @FunctionalInterface
    public interface TextMapper {
        /** The map of {@code text}, reporting rows to {@code progress}. */
        HiddenStateGradientMap map(String text, ProgressListener progress, CancellationToken cancel) throws Exception;
    }

    private final Classifier model;
    private final HiddenStateOptions options;
    private final HiddenStateGradients method;

    /**
     * @param model     the classifier
     * @param modelName how messages name it (a file, a workspace entry)
     * @param options   layer, reduction and chunking
     * @throws NoRecurrentLayerException when the model reads no text or has no recurrent layer
     */
    public HiddenStateWorkflow(Classifier model, String modelName, HiddenStateOptions options) {
        this.model = Objects.requireNonNull(model, "model");
        this.options = options;
        this.method = options.method();
        if (!model.isText()) {
            throw new NoRecurrentLayerException(modelName + " reads " + model.describeInput() + "; it has no recurrent "
                    + "layer, so there are no hidden states over time (the map needs a recurrent text model)");
        }
        if (model.network().layers().stream().noneMatch(l -> l instanceof RecurrentLayer)) {
            throw new NoRecurrentLayerException(modelName + " has no recurrent layer (SimpleRNN, LSTM or GRU); its "
                    + "layers are " + model.network().layers().stream().map(Layer::name).toList() + ".");
        }
    }

    /**
     * The hidden-state gradients of one text.
     *
     * @throws IllegalArgumentException for an empty or too long text, an unknown layer or unit
     * @throws CancellationToken.CancelledException when cancelled (checked once per pass)
     */
    public HiddenStateGradientMap map(String text, ProgressListener progress, CancellationToken cancel) {
        checkLength(text, cancel);
        return method.attribute(model, text, progress, cancel);
    }

    /**
     * The map of one text for another reduction than the options' (e.g. one selected unit).
     *
     * @throws IllegalArgumentException as {@link #map(String, ProgressListener, CancellationToken)}
     */
    public HiddenStateGradientMap map(String text, HiddenReduction reduction, ProgressListener progress,
                                      CancellationToken cancel) {
        checkLength(text, cancel);
        return options.method(reduction).attribute(model, text, progress, cancel);
    }

    /**
     * The hidden states and gradient curves of single units of one text ({@link HiddenUnits}):
     * the chosen units, or the top k of this text by activation or gradient.
     *
     * @throws IllegalArgumentException for an empty or too long text, a unit the layer lacks
     */
    public HiddenUnitCurves units(String text, HiddenUnitSelection selection, ProgressListener progress,
                                  CancellationToken cancel) {
        checkLength(text, cancel);
        return options.units().attribute(model, text, selection, progress, cancel);
    }

    /**
     * All the Hidden state tab shows of one text: with {@code selection} null the map of the
     * options' reduction; otherwise the selected units' curves and the map of the first of them.
     * Then the prediction and the out-of-vocabulary tokens.
     */
    public HiddenStateReading read(String text, HiddenUnitSelection selection, ProgressListener progress,
                                   CancellationToken cancel) {
        checkLength(text, cancel);
        HiddenUnitCurves units = null;
        HiddenStateGradientMap map;
        if (selection == null) {
            map = method.attribute(model, text, progress, cancel);
        } else {
            // the first unit's map comes from the same rows as the units' curves
            HiddenUnits.Result both = options.units().withMap(model, text, selection, progress, cancel);
            units = both.units();
            map = both.firstMap();
        }
        String predicted = null;
        double probability = Double.NaN;
        if (model.head() != Classifier.Head.LINEAR) {
            double[] p = model.probabilities(model.encodeText(text)).castTo(DataType.DOUBLE).toDoubleVector();
            int best = 0;
            for (int k = 1; k < p.length; k++) {
                best = p[k] > p[best] ? k : best;
            }
            predicted = model.classNames().get(best);
            probability = p[best];
        }
        Set<Integer> unknown = new HashSet<>();
        Vocabulary vocabulary = model.tokens().vocabulary();
        for (int i = 0; i < map.steps(); i++) {
            if (vocabulary.id(map.tokens().get(i)) == Vocabulary.OOV) {
                unknown.add(i);
            }
        }
        return new HiddenStateReading(map, units, predicted, probability, unknown);
    }

    /** The map costs time and memory quadratic in the length: refuse before any tape is built. */
    private void checkLength(String text, CancellationToken cancel) {
        cancel.throwIfCancelled();
        int tokens = model.tokens().tokenizer().tokens(text).size();
        long limit = ReadLimits.TOKENS_PER_TEXT.value();
        if (tokens > limit) {
            throw new IllegalArgumentException(ReadLimits.TOKENS_PER_TEXT.problem("the text's " + tokens + " tokens",
                    limit));
        }
    }

    /**
     * The curves of up to {@code size} texts drawn by {@link #pick} with {@code seed}.
     *
     * @throws IllegalArgumentException when {@code size} is below 1 or there are no texts
     */
    public HiddenStateSample sample(List<String> texts, int size, long seed, ProgressListener progress,
                                    CancellationToken cancel) throws Exception {
        return sample(texts, size, seed, this::map, progress, cancel);
    }

    /**
     * The sampling of {@link #sample} over any mapper: draws the texts, maps each, keeps r(h_t) and
     * c[t], and reports progress over all rows of all sequences.
     */
    public static HiddenStateSample sample(List<String> texts, int size, long seed, TextMapper mapper,
                                           ProgressListener progress, CancellationToken cancel) throws Exception {
        if (size < 1) {
            throw new IllegalArgumentException("the sample size must be at least 1, got " + size);
        }
        List<String> picked = pick(texts, size, seed);
        if (picked.isEmpty()) {
            throw new IllegalArgumentException("there are no texts to sample");
        }
        List<double[]> hidden = new ArrayList<>();
        List<double[]> gradient = new ArrayList<>();
        String layer = null;
        String reduction = null;
        int n = picked.size();
        for (int i = 0; i < n; i++) {
            cancel.throwIfCancelled();
            int done = i;
            HiddenStateGradientMap m = mapper.map(picked.get(i), (rows, total, message) -> {
                if (total > 0) {
                    progress.progress(done * total + rows, (long) n * total,
                            "hidden-state curves: sequence " + (done + 1) + " of " + n);
                }
            }, cancel);
            hidden.add(m.hidden());
            gradient.add(m.curve());
            layer = m.layer();
            reduction = m.reduction();
            progress.progress(i + 1, n, "hidden-state curves: " + (i + 1) + " of " + n + " sequences");
        }
        return new HiddenStateSample(layer, reduction, picked, hidden, gradient);
    }

    /**
     * {@code count} texts drawn without replacement by a seeded shuffle (all of them when there are
     * fewer), in drawing order: the same texts and seed give the same sample everywhere.
     */
    public static List<String> pick(List<String> texts, int count, long seed) {
        List<String> order = new ArrayList<>(texts);
        Collections.shuffle(order, new Random(seed));
        return List.copyOf(order.subList(0, Math.min(Math.max(0, count), order.size())));
    }

    /**
     * The texts of one split of a text dataset.
     *
     * @param split {@code train} or {@code test}
     * @throws IllegalArgumentException for another split or a dataset that is not text
     */
    public static List<String> texts(Dataset data, String split) {
        if (!"train".equals(split) && !"test".equals(split)) {
            throw new IllegalArgumentException("--split must be train or test, got '" + split + "'");
        }
        if (!(data instanceof TextDataset text)) {
            throw new IllegalArgumentException("dataset '" + data.name() + "' is not text; hidden-state gradients "
                    + "map texts");
        }
        List<TextExample> examples = "train".equals(split) ? text.train() : text.test();
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("the " + split + " split of '" + data.name() + "' is empty");
        }
        return examples.stream().map(TextExample::text).toList();
    }
}
