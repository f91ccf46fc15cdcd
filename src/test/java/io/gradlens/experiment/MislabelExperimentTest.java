package io.gradlens.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.explain.influence.GradientProjection;
import io.gradlens.train.TrainingListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The mislabel experiment with projected all-layer TracIn, reduced: the first 1,000 MNIST digits,
 * 10 % flipped, 3 epochs, d = 128.
 */
class MislabelExperimentTest {

    @Test
    void projectedAllLayerTracInFindsFlippedLabelsFarBetterThanRandom() throws Exception {
        MislabelExperiment.Result r = MislabelExperiment.run(Path.of("datasets"), "mnist", 0.1, 3, 64, 1, 1000,
                new GradientProjection(128, 0), TrainingListener.NONE);
        assertEquals(100, r.flipped());
        assertEquals(MislabelExperiment.FRACTIONS.length, r.projected().length);
        int at20 = java.util.Arrays.binarySearch(MislabelExperiment.FRACTIONS, 0.2);
        assertTrue(r.projected()[at20] >= 2 * r.randomRanking()[at20],
                "projected TracIn at 20 %: " + r.projected()[at20] + ", random " + r.randomRanking()[at20]);
        for (int k = 1; k < r.projected().length; k++) {
            assertTrue(r.projected()[k] >= r.projected()[k - 1], "recall grows with the checked fraction");
        }
        assertTrue(r.table().contains("tracin-projected"), r.table());
    }

    @Test
    void aDatasetThatIsNeitherImagesNorTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> MislabelExperiment.run(Path.of("datasets"), "price", 0.1,
                1, 64, 1, 100, new GradientProjection(8, 0), TrainingListener.NONE));
    }
}
