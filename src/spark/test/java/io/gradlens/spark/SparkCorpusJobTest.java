package io.gradlens.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.cli.CliRun;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.data.Tokenizer;
import io.gradlens.data.Vocabulary;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.format.Npy;
import io.gradlens.workflow.shard.CorpusFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * The Spark job in local mode ({@code gradlens spark --master local[2] …}) gives the numbers of the
 * single-process run to 1e-6 (relative to each array's largest value): hidden-state gradients over
 * 40 {@code sotu} chunks (first 24 tokens each, 2 partitions), saliency over the tiny corpus
 * (4 shards on 2 threads) and its representer and TracIn influence indexes (3 shards); a rerun of a finished job folder skips every shard.
 */
class SparkCorpusJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path sotuModel;

    @BeforeAll
    static void model() throws Exception {
        TextDataset sotu = (TextDataset) BuiltInDatasets.load("sotu", 0);
        List<List<String>> texts = sotu.test().subList(0, 40).stream().map(TextExample::text)
                .map(Tokenizer::tokenize).toList();
        Vocabulary vocab = Vocabulary.build(texts, 1, 3000);
        Sequential net = Sequential.builder(new long[] {-1}, DataType.FLOAT, 5)
                .add("embedding", "embedding", Map.of("input_dim", vocab.size(), "output_dim", 8))
                .add("simple_rnn", "rnn", Map.of("units", 12))
                .add("dense", "out", Map.of("units", 2))
                .build();
        sotuModel = dir.resolve("sotu-rnn.gradlens");
        ModelBundle.write(new Classifier(net, new InputSpec.Tokens(vocab), List.of("Democratic", "Republican"),
                Map.of()), sotuModel);
    }

    @Test
    void hiddenGradOnLocalSparkEqualsTheSingleProcessRun() throws Exception {
        Path spark = dir.resolve("spark");
        Path single = dir.resolve("single");
        String[] job = {"hidden-grad", "--model", sotuModel.toString(), "--dataset", "sotu", "--limit", "40",
            "--map-tokens", "24", "--top-k", "3"};
        CliRun s = run(concat(new String[] {"spark", "--master", "local[2]"}, job, "--out", spark.toString()));
        assertTrue(s.err().contains("shard 1/2 finished: 20 examples"), s.err());
        assertTrue(s.err().contains("shard 2/2 finished: 20 examples"), s.err());
        run(concat(new String[0], job, "--shard", "all/1", "--out", single.toString()));
        JsonNode merged = JSON.readTree(spark.resolve("merged.json").toFile());
        assertEquals(40, merged.get("examples").asInt());
        assertEquals(2, merged.get("shards").asInt());
        for (String name : List.of("mean_map", "mean_curve", "mean_hidden", "step_count", "topk_rows", "topk_step",
                "corpus_topk", "doc_length")) {
            assertClose(array(single, name), array(spark, name), name);
        }

        CliRun again = run(concat(new String[] {"spark", "--master", "local[2]"}, job, "--out", spark.toString()));
        assertTrue(again.err().contains("shard 1/2 already finished"), again.err());
        assertTrue(again.err().contains("shard 2/2 already finished"), again.err());
    }

    @Test
    void saliencyAndInfluenceIndexesOnLocalSparkEqualTheSingleProcessRuns() throws Exception {
        Path model = CorpusFixtures.model(dir);
        Path data = CorpusFixtures.dataset(dir);
        Path spark = sparkEqualsSingle("saliency", 4, List.of("scores", "length", "example_index", "probabilities",
                "predicted"), "saliency", "--model", model.toString(), "--dataset", data.toString(), "--method",
                "integrated-gradients", "--steps", "16", "--target", "1");
        assertEquals(CorpusFixtures.TEST_DOCS, array(spark, "length").length);
        sparkEqualsSingle("index", 3, List.of("alpha", "features", "logits", "label", "is_test"), "influence-index",
                "--model", model.toString(), "--dataset", data.toString(), "--lambda", "0.01");

        Path trained = dir.resolve("tracin.gradlens");
        run("train", "--dataset", data.toString(), "--arch", "rnn", "--units", "3", "--embedding-dim", "4", "--epochs",
                "2", "--batch-size", "4", "--checkpoint-every", "1", "--seed", "2", "--out", trained.toString());
        sparkEqualsSingle("tracin", 3, List.of("self_influence", "labels", "features_0", "errors_0", "features_1",
                "errors_1"), "influence-index", "--model", trained.toString(), "--dataset", data.toString(), "--method",
                "tracin");
    }

    /**
     * Runs {@code job} on local Spark in {@code shards} shards and as {@code --shard all/1}, and
     * checks that the merged arrays {@code names} agree; returns the Spark job's folder.
     */
    private static Path sparkEqualsSingle(String name, int shards, List<String> names, String... job) throws Exception {
        Path spark = dir.resolve(name + "-spark");
        Path single = dir.resolve(name + "-single");
        run(concat(new String[] {"spark", "--master", "local[2]", "--shards", Integer.toString(shards)}, job, "--out",
                spark.toString()));
        run(concat(new String[0], job, "--shard", "all/1", "--out", single.toString()));
        for (String array : names) {
            assertClose(array(single, array), array(spark, array), name + " " + array);
        }
        return spark;
    }

    private static CliRun run(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(0, r.exitCode(), r.err());
        return r;
    }

    private static String[] concat(String[] head, String[] job, String... tail) {
        String[] all = new String[head.length + job.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(job, 0, all, head.length, job.length);
        System.arraycopy(tail, 0, all, head.length + job.length, tail.length);
        return all;
    }

    private static double[] array(Path folder, String name) throws Exception {
        Path file = folder.resolve("merged").resolve(name + ".npy");
        return Npy.read(Files.readAllBytes(file), file.toString()).castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }

    private static void assertClose(double[] expected, double[] actual, String what) {
        assertEquals(expected.length, actual.length, what + ": length");
        double scale = 0;
        for (double v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-6 * scale, what + "[" + i + "]");
        }
    }
}
