package io.gradlens.hardening;

import static io.gradlens.hardening.CliBadInputTest.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.autodiff.Tensor;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.PriceModel;
import io.gradlens.train.Divergence;
import io.gradlens.train.TrainingDivergedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A diverging training run is bad input (exit 2, where and what, a suggestion) and saves nothing;
 * a bundle with non-finite weights is refused when it is opened.
 */
class DivergenceTest {

    private static final byte[] PRECIOUS = "a precious earlier bundle\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void divergingSgdExitsTwoAndKeepsTheExistingBundle() throws Exception {
        Path out = Files.write(dir.resolve("model.gradlens"), PRECIOUS);
        assertBadInput(run("train", "--dataset", "sentences", "--limit", "64", "--optimizer", "sgd", "--lr", "1e30",
                "--epochs", "1", "--out", out.toString()),
                "gradlens train: training diverged at epoch 1, batch ", "lower the learning rate (--lr) about 10x",
                "e.g. to 1E+29, or use --optimizer adam");
        assertArrayEquals(PRECIOUS, Files.readAllBytes(out));
        assertEquals(List.of(out), files());
    }

    @Test
    void divergingPriceModelExitsTwoAndWritesNoBundle() throws Exception {
        Path out = Files.write(dir.resolve("price.gradlens"), PRECIOUS);
        assertBadInput(run("train", "--dataset", "price", "--lr", "1e30", "--epochs", "1", "--out", out.toString()),
                "gradlens train: training diverged at epoch 1, batch ", "--lr");
        assertArrayEquals(PRECIOUS, Files.readAllBytes(out));
        assertEquals(List.of(out), files());
    }

    @Test
    void weightsPastTheBoundAreDivergence() {
        Map<String, Tensor> weights = Map.of("dense/kernel", Tensor.constant(Nd4j.createFromArray(1f, -1e20f)));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Divergence.checkWeights(weights, 3, 7, 0.5));
        assertTrue(e.getMessage().startsWith("training diverged at epoch 3, batch 7: weight 'dense/kernel' reached"),
                e.getMessage());
        assertEquals(3, e.epoch());
        Divergence.checkWeights(Map.of("w", Tensor.constant(Nd4j.createFromArray(1e15f, -2f))), 1, 1, 0.5);
    }

    @Test
    void aClassifierBundleWithANanWeightIsRefusedOnPredict() throws Exception {
        Classifier model = ModelBundle.read(Path.of("assets/models/sentiment-lstm.gradlens"));
        Map.Entry<String, Tensor> first = model.network().parameters().entrySet().iterator().next();
        first.getValue().value().putScalar(0, Double.NaN);
        Path bundle = dir.resolve("nan.gradlens");
        ModelBundle.write(model, bundle);
        assertBadInput(run("predict", "--model", bundle.toString(), "--text", "a fine film"),
                "gradlens predict: ", "nan.gradlens", "weight '" + first.getKey() + "' contains NaN or infinite");
    }

    @Test
    void aPriceBundleWithAnInfiniteWeightIsRefused() throws Exception {
        PriceModel model = ModelBundle.readPriceModel(Path.of("assets/models/price-model.gradlens"));
        Map.Entry<String, Tensor> first = model.parameters().entrySet().iterator().next();
        first.getValue().value().putScalar(0, Double.POSITIVE_INFINITY);
        Path bundle = dir.resolve("inf.gradlens");
        ModelBundle.write(model, model.provenance(), bundle);
        assertBadInput(run("sensitivity", "--model", bundle.toString(), "--dataset", "price", "--limit", "4"),
                "gradlens sensitivity: ", "inf.gradlens", "weight '" + first.getKey() + "' contains NaN or infinite");
    }

    @Test
    void theShippedBundlesStillLoad() throws Exception {
        for (String name : new String[] {"mnist-cnn", "price-model", "sentiment-lstm"}) {
            ModelBundle.open(Path.of("assets/models/" + name + ".gradlens"));
        }
    }

    /** {@link CliBadInputTest#assertBadInput} on what follows the progress bar's last redraw. */
    static void assertBadInput(String[] run, String... fragments) {
        String err = run[1];
        CliBadInputTest.assertBadInput(new String[] {run[0], err.substring(err.lastIndexOf('\r') + 1)}, fragments);
    }

    private List<Path> files() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
