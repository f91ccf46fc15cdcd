package io.gradlens.workflow.hidden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.data.Vocabulary;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateCurves;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenUnitSelection;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@link HiddenStateWorkflow}'s sampling over a mapper with a closed form (r(h_t) = length of token
 * t, c[t] = t + 1), and the refusal of a model without a recurrent layer.
 */
class HiddenStateWorkflowTest {

    /** Whitespace tokens; r(h_t) = length of token t; c[t] = t + 1; the map is diagonal. */
    private static HiddenStateGradientMap fake(String text) {
        List<String> tokens = List.of(text.split(" "));
        int n = tokens.size();
        double[] hidden = new double[n];
        double[] curve = new double[n];
        double[][] map = new double[n][n];
        for (int t = 0; t < n; t++) {
            hidden[t] = tokens.get(t).length();
            curve[t] = t + 1;
            map[t][t] = t + 1;
        }
        return new HiddenStateGradientMap(tokens, new int[n], "lstm", "mean", hidden, curve, map, Map.of());
    }

    private static final List<String> TEXTS = List.of("a bb ccc", "dddd", "ee f", "gg hhh iiii jj", "k", "ll mm");

    @Test
    void theSampleIsASeededShuffleAndItsCurvesAreTheMapsCurves() throws Exception {
        List<String> expected = new ArrayList<>(TEXTS);
        Collections.shuffle(expected, new Random(7));
        assertEquals(expected.subList(0, 4), HiddenStateWorkflow.pick(TEXTS, 4, 7));
        assertEquals(TEXTS.size(), HiddenStateWorkflow.pick(TEXTS, 50, 7).size());

        List<long[]> reports = new ArrayList<>();
        HiddenStateSample s = HiddenStateWorkflow.sample(TEXTS, 4, 7, (text, p, c) -> {
            p.progress(1, 1, "row");
            return fake(text);
        }, (done, total, m) -> reports.add(new long[] {done, total}), CancellationToken.NONE);
        assertEquals(expected.subList(0, 4), s.texts());
        List<HiddenStateGradientMap> maps = s.texts().stream().map(HiddenStateWorkflowTest::fake).toList();
        HiddenStateCurves direct = HiddenStateCurves.average(maps);
        HiddenStateCurves curves = s.curves();
        assertArrayEquals(direct.mean(), curves.mean(), 0);
        assertArrayEquals(direct.std(), curves.std(), 0);
        assertArrayEquals(direct.count(), curves.count());
        assertEquals(4, curves.sequences());
        for (int i = 0; i < 4; i++) {
            assertArrayEquals(maps.get(i).hidden(), s.hidden().get(i), 0);
        }
        assertArrayEquals(CurveBand.of(s.hidden(), 0.1, 0.9).mean(), s.hiddenBand().mean(), 0);
        assertArrayEquals(new long[] {4, 4}, reports.get(reports.size() - 1), "the last report: all sequences");
        assertTrue(reports.stream().allMatch(r -> r[0] <= r[1]), "progress never passes its total");
    }

    @Test
    void badSamplesAndACancelAreRefused() {
        HiddenStateWorkflow.TextMapper mapper = (text, p, c) -> fake(text);
        assertThrows(IllegalArgumentException.class, () -> HiddenStateWorkflow.sample(TEXTS, 0, 0, mapper,
                ProgressListener.NONE, CancellationToken.NONE));
        assertThrows(IllegalArgumentException.class, () -> HiddenStateWorkflow.sample(List.of(), 3, 0, mapper,
                ProgressListener.NONE, CancellationToken.NONE));
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThrows(CancellationToken.CancelledException.class, () -> HiddenStateWorkflow.sample(TEXTS, 3, 0,
                mapper, ProgressListener.NONE, cancelled));
    }

    @Test
    void aModelWithoutRecurrentLayerIsNamedAndRefused() {
        Sequential net = Sequential.builder(new long[] {4, 4, 1}, DataType.FLOAT, 1)
                .add("flatten", Map.of())
                .add("dense", Map.of("units", 2))
                .build();
        Classifier image = new Classifier(net, new InputSpec.Image(4, 4, 1), List.of("a", "b"), Map.of());
        NoRecurrentLayerException e = assertThrows(NoRecurrentLayerException.class,
                () -> new HiddenStateWorkflow(image, "tiny-mlp", HiddenStateOptions.defaults()));
        assertTrue(e.getMessage().startsWith("tiny-mlp reads "), e.getMessage());
        assertTrue(e.getMessage().contains("no recurrent layer"), e.getMessage());
    }

    /** Embedding(10, 4) → LSTM(5) → Dense(2) over "good bad movie plot great awful the a", float64. */
    private static Classifier tinyLstm() {
        Sequential net = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 5)
                .add("embedding", "embedding", Map.of("input_dim", 10, "output_dim", 4))
                .add("lstm", "rnn", Map.of("units", 5))
                .add("dense", "out", Map.of("units", 2))
                .build();
        Vocabulary words = Vocabulary.of(List.of("good", "bad", "movie", "plot", "great", "awful", "the", "a"));
        return new Classifier(net, new InputSpec.Tokens(words), List.of("neg", "pos"), Map.of());
    }

    @Test
    void aReadingHasTheMapOfTheFirstUnitThePredictionAndTheUnknownWords() {
        Classifier model = tinyLstm();
        HiddenStateWorkflow w = new HiddenStateWorkflow(model, "tiny", HiddenStateOptions.defaults());
        String text = "the zzz movie was good";
        double[] p = model.probabilities(model.encodeText(text)).castTo(DataType.DOUBLE).toDoubleVector();
        int best = p[1] > p[0] ? 1 : 0;

        HiddenStateReading mean = w.read(text, null, ProgressListener.NONE, CancellationToken.NONE);
        assertEquals(List.of("the", "zzz", "movie", "was", "good"), mean.tokens());
        assertEquals(Set.of(1, 3), mean.outOfVocabulary(), "zzz and was are not in the vocabulary");
        assertEquals(model.classNames().get(best), mean.predictedClass());
        assertEquals(p[best], mean.probability(), 1e-12);
        assertNull(mean.units());
        assertArrayEquals(w.map(text, ProgressListener.NONE, CancellationToken.NONE).curve(), mean.map().curve(), 0);

        List<long[]> reports = new ArrayList<>();
        HiddenStateReading units = w.read(text, HiddenUnitSelection.of(3, 1),
                (done, total, m) -> reports.add(new long[] {done, total}), CancellationToken.NONE);
        assertArrayEquals(new int[] {3, 1}, units.units().units());
        HiddenStateGradientMap unit3 = w.map(text, HiddenReduction.unit(3), ProgressListener.NONE,
                CancellationToken.NONE);
        assertEquals("unit:3", units.map().reduction());
        for (int t = 0; t < unit3.steps(); t++) {
            assertArrayEquals(unit3.map()[t], units.map().map()[t], 1e-12, "row " + t + " of unit 3's map");
        }
        assertArrayEquals(unit3.curve(), units.units().curve(0), 1e-12);
        assertTrue(reports.stream().allMatch(r -> r[0] <= r[1] && r[1] == 10), "rows of 2 units × 5 steps");
        assertArrayEquals(new long[] {10, 10}, reports.get(reports.size() - 1));
    }

    @Test
    void aTextLongerThanTheTokenLimitIsRefusedBeforeAnyWork() {
        HiddenStateWorkflow w = new HiddenStateWorkflow(tinyLstm(), "tiny", HiddenStateOptions.defaults());
        long limit = io.gradlens.data.ReadLimits.TOKENS_PER_TEXT.value();
        String text = String.join(" ", Collections.nCopies((int) limit + 1, "good"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> w.read(text, HiddenUnitSelection.of(0), ProgressListener.NONE, CancellationToken.NONE));
        assertTrue(e.getMessage().contains(Long.toString(limit + 1)), e.getMessage());
    }
}
