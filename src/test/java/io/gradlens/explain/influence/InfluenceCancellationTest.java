package io.gradlens.explain.influence;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.nn.Sequential;
import io.gradlens.train.ImageExamples;
import io.gradlens.util.CancellationToken;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** Progress and cancellation of the representer precomputation, which the workbench runs. */
class InfluenceCancellationTest {

    private final ImageExamples train = InfluenceTest.blobs(600, 4, 3, 0.8, 7);
    private final ImageExamples test = InfluenceTest.blobs(40, 4, 3, 0.8, 8);
    private final Sequential model = InfluenceTest.mlp(4, 3, DataType.FLOAT, 3);

    @Test
    void reportsEveryFeatureBatchAndGivesTheSameIndexAsWithoutAListener() {
        List<long[]> reports = new ArrayList<>();
        InfluenceIndex watched = InfluenceIndex.representer(model, train, test, 0.01,
                (done, total, message) -> reports.add(new long[] {done, total}), CancellationToken.NONE);
        // 600 training examples in batches of 256: 256, 512, 600; a refit note; then the test split.
        assertArrayEquals(new long[] {256, 600}, reports.get(0));
        assertArrayEquals(new long[] {600, 600}, reports.get(2));
        assertEquals(0, reports.get(3)[1], "the refit reports without a total");
        assertArrayEquals(new long[] {40, 40}, reports.get(reports.size() - 1));
        InfluenceIndex plain = InfluenceIndex.representer(model, train, test, 0.01);
        InfluenceRanking a = watched.explain(5, watched.predicted(5), 4);
        InfluenceRanking b = plain.explain(5, plain.predicted(5), 4);
        assertEquals(b.proponents(), a.proponents());
        assertEquals(b.opponents(), a.opponents());
    }

    @Test
    void aCancelStopsTheFeaturePassAndTheRefit() {
        CancellationToken cancelled = new CancellationToken();
        cancelled.cancel();
        assertThrows(CancellationToken.CancelledException.class, () -> InfluenceIndex.representer(model, train,
                test, 0.01, (d, t, m) -> { }, cancelled));
        // Cancelled while the features are computed: the refit never starts.
        CancellationToken token = new CancellationToken();
        List<String> messages = new ArrayList<>();
        assertThrows(CancellationToken.CancelledException.class, () -> InfluenceIndex.representer(model, train,
                test, 0.01, (done, total, message) -> {
                    messages.add(message);
                    token.cancel();
                }, token));
        assertEquals(1, messages.size());
        LastLayerFeatures f = LastLayerFeatures.compute(model, train);
        assertThrows(CancellationToken.CancelledException.class, () -> RepresenterPoints.fit(f, 0.01, null,
                cancelled));
        assertTrue(RepresenterPoints.fit(f, 0.01, null, CancellationToken.NONE).fitReport().iterations() > 25,
                "a refit that a cancel check every 25 iterations could interrupt");
    }
}
