package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.data.BuiltInDatasets;
import io.gradlens.data.TabularDataset;
import io.gradlens.data.Vocabulary;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.PriceModel;
import io.gradlens.nn.Sequential;
import io.gradlens.train.PriceModelTraining;
import io.gradlens.util.CancellationToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * saliency, hidden-grad, sensitivity and sanity end to end in-process, on tiny models trained or
 * built in a temporary folder: exit codes, machine-readable stdout, one-line errors.
 */
class ExplainCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static Path data;
    static Path lstm;
    static Path linearText;
    static Path image;
    static Path smallImage;
    static Path price;

    @BeforeAll
    static void models() throws Exception {
        StringBuilder csv = new StringBuilder("text,label,split\n");
        String[] good = {"great film", "loved it", "wonderful acting", "great fun", "really loved the film"};
        String[] bad = {"awful film", "hated it", "terrible acting", "awful mess", "really hated the film"};
        for (int r = 0; r < 4; r++) {
            for (int i = 0; i < good.length; i++) {
                String split = r == 3 ? "test" : "train";
                csv.append(good[i]).append(",1,").append(split).append('\n');
                csv.append(bad[i]).append(",0,").append(split).append('\n');
            }
        }
        data = dir.resolve("tiny.csv");
        Files.writeString(data, csv);
        lstm = dir.resolve("lstm.gradlens");
        CliRun train = CliRun.of("train", "--dataset", data.toString(), "--arch", "lstm", "--epochs", "3",
                "--embedding-dim", "6", "--units", "5", "--batch-size", "8", "--lr", "0.05", "--seed", "1",
                "--out", lstm.toString());
        assertEquals(0, train.exitCode(), train.err());

        Vocabulary vocab = ModelBundle.read(lstm).tokens().vocabulary();
        Sequential lin = Sequential.builder(new long[] {-1}, DataType.FLOAT, 2)
                .add("embedding", "embedding", Map.of("input_dim", vocab.size(), "output_dim", 4))
                .add("global_average_pool1d", "pool", Map.of())
                .add("dense", "out", Map.of("units", 2))
                .build();
        linearText = dir.resolve("linear.gradlens");
        ModelBundle.write(new Classifier(lin, new InputSpec.Tokens(vocab), List.of("negative", "positive"), Map.of()),
                linearText);

        image = dir.resolve("digits.gradlens");
        ModelBundle.write(imageModel(8), image);
        smallImage = dir.resolve("small.gradlens");
        ModelBundle.write(imageModel(4), smallImage);

        TabularDataset table = (TabularDataset) BuiltInDatasets.load("price", 0, Path.of("datasets"));
        PriceModel p = PriceModelTraining.fit(table, 4, 1, 256, 0.02, DataType.FLOAT, 1, CancellationToken.NONE);
        price = dir.resolve("price.gradlens");
        ModelBundle.write(p, Map.of("dataset", "price"), price);
    }

    private static Classifier imageModel(int side) {
        Sequential net = Sequential.builder(new long[] {side, side, 1}, DataType.FLOAT, 3)
                .add("conv2d", "conv", Map.of("filters", 2, "kernel_size", 3, "activation", "relu"))
                .add("flatten", "flatten", Map.of())
                .add("dense", "out", Map.of("units", 10))
                .build();
        return new Classifier(net, new InputSpec.Image(side, side, 1),
                List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), Map.of());
    }

    private static CliRun ok(String... args) {
        return CliRun.ok(args);
    }

    private static void assertBadInput(String expected, String... args) {
        CliRun.assertBadInput(expected, args);
    }

    @Test
    void saliencyOfAnNpyBatchEqualsThatOfTheSameTexts() throws Exception {
        JsonNode fromText = JSON.readTree(ok("saliency", "--model", lstm.toString(), "--text", "loved the film").out());
        int[] ids = JSON.convertValue(fromText.get("token_ids"), int[].class);
        int[][] padded = {{ids[0], ids[1], ids[2], 0, 0}, {ids[1], 0, 0, 0, 0}};
        Path npy = dir.resolve("ids.npy");
        Files.write(npy, io.gradlens.format.Npy.write(org.nd4j.linalg.factory.Nd4j.createFromArray(padded)));
        List<String> lines = ok("saliency", "--model", lstm.toString(), "--input-npy", npy.toString()).out()
                .strip().lines().toList();
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(fromText.get("tokens"), first.get("tokens"), "trailing padding is dropped");
        for (int k = 0; k < 3; k++) {
            assertEquals(fromText.get("scores").get(k).asDouble(), first.get("scores").get(k).asDouble(), 1e-6);
        }
        assertEquals(1, JSON.readTree(lines.get(1)).get("scores").size());

        Path onlyPadding = dir.resolve("pad.npy");
        Files.write(onlyPadding, io.gradlens.format.Npy.write(org.nd4j.linalg.factory.Nd4j.createFromArray(
                new int[][] {{0, 0}})));
        assertBadInput("row 0 holds only padding", "saliency", "--model", lstm.toString(), "--input-npy",
                onlyPadding.toString());
        Path images = dir.resolve("img.npy");
        Files.write(images, io.gradlens.format.Npy.write(org.nd4j.linalg.factory.Nd4j.rand(DataType.FLOAT, 2, 8, 8, 1)));
        JsonNode pixel = JSON.readTree(ok("saliency", "--model", image.toString(), "--input-npy", images.toString())
                .out().lines().findFirst().orElseThrow());
        assertTrue(pixel.toString().length() > 64, pixel.toString());
        assertBadInput("does not fit the model input", "saliency", "--model", lstm.toString(), "--input-npy",
                images.toString());
    }

    @Test
    void saliencyOfOneTextAsJson() throws Exception {
        CliRun run = ok("saliency", "--model", lstm.toString(), "--text", "Great film, really loved it",
                "--method", "integrated-gradients", "--steps", "20");
        JsonNode j = JSON.readTree(run.out());
        assertEquals(List.of("great", "film", ",", "really", "loved", "it"), JSON.convertValue(j.get("tokens"),
                List.class));
        assertEquals(6, j.get("token_ids").size());
        assertEquals(6, j.get("scores").size());
        assertEquals("integrated-gradients", j.get("method").asText());
        assertEquals(20, j.get("parameters").get("steps").asInt());
        assertEquals(j.get("predicted").asInt(), j.get("target").asInt());
        assertEquals(1.0, j.get("probabilities").get(0).asDouble() + j.get("probabilities").get(1).asDouble(), 1e-6);
        double sum = 0;
        for (JsonNode s : j.get("scores")) {
            sum += s.asDouble();
        }
        assertEquals(j.get("diagnostics").get("attribution_sum").asDouble(), sum, 1e-6);
        assertTrue(j.get("diagnostics").get("completeness_gap").isNumber());
        assertEquals("", run.err(), "nothing on stderr for one text");

        JsonNode logit = JSON.readTree(ok("saliency", "--model", lstm.toString(), "--text", "awful film",
                "--target", "1", "--aggregate", "l2", "--output", "logit").out());
        assertEquals(1, logit.get("target").asInt());
        assertTrue(logit.get("scores").get(0).asDouble() >= 0, "an l2 norm");
    }

    @Test
    void saliencyOfADatasetInEveryFormat() throws Exception {
        CliRun json = ok("saliency", "--model", lstm.toString(), "--dataset", data.toString(), "--split", "test",
                "--method", "smoothgrad", "--samples", "3", "--noise", "0.1", "--batch-size", "4");
        List<String> lines = json.out().lines().toList();
        assertEquals(10, lines.size());
        for (int i = 0; i < lines.size(); i++) {
            JsonNode j = JSON.readTree(lines.get(i));
            assertEquals(i, j.get("index").asInt());
            assertTrue(j.get("label").isInt());
            assertEquals("smoothgrad", j.get("method").asText());
        }
        assertTrue(json.err().contains("examples/s"), json.err());

        CliRun csv = ok("saliency", "--model", lstm.toString(), "--dataset", data.toString(), "--limit", "3",
                "--format", "csv");
        List<String> rows = csv.out().lines().toList();
        assertEquals("example,position,token,token_id,y,x,score,target,predicted,method,split,label,parameters,model",
                rows.get(0));
        assertTrue(rows.size() > 3);
        assertTrue(rows.get(1).startsWith("0,0,"), rows.get(1));

        Path html = dir.resolve("out.html");
        CliRun page = ok("saliency", "--model", lstm.toString(), "--dataset", data.toString(), "--limit", "2",
                "--format", "html", "--out", html.toString());
        assertEquals("", page.out());
        String text = Files.readString(html);
        assertTrue(text.startsWith("<!DOCTYPE html>"));
        assertTrue(text.contains("class=\"legend\"") && text.contains("rgb(0,0,255)") && text.contains("rgb(255,0,0)"));
        assertTrue(text.trim().endsWith("</html>"));
    }

    @Test
    void htmlEscapesEveryToken() throws Exception {
        Path html = dir.resolve("escape.html");
        ok("saliency", "--model", lstm.toString(), "--text", "<script>alert('x')</script> & great",
                "--format", "html", "--out", html.toString());
        String text = Files.readString(html);
        assertFalse(text.contains("<script"), text);
        assertTrue(text.contains("&lt;") && text.contains("&amp;"), text);
        assertFalse(text.toLowerCase().contains("<script>"));
    }

    @Test
    void saliencyOfImages() throws Exception {
        CliRun run = ok("saliency", "--model", image.toString(), "--dataset", "digits", "--limit", "3",
                "--method", "grad-x-input");
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size());
        JsonNode j = JSON.readTree(lines.get(0));
        assertEquals("pixels", j.get("kind").asText());
        assertEquals(8, j.get("height").asInt());
        assertEquals(64, j.get("scores").size());
    }

    @Test
    void hiddenGradForATextAndForADatasetSample() throws Exception {
        JsonNode j = JSON.readTree(ok("hidden-grad", "--model", lstm.toString(), "--text", "really loved the film",
                "--rows-per-pass", "2").out());
        assertEquals(4, j.get("map").size());
        for (int t = 0; t < 4; t++) {
            assertEquals(4, j.get("map").get(t).size());
            for (int s = t + 1; s < 4; s++) {
                assertEquals(0.0, j.get("map").get(t).get(s).asDouble(), 0.0);
            }
        }
        assertEquals(4, j.get("curve").size());
        assertEquals(4, j.get("hidden").size());
        assertEquals("mean", j.get("reduce").asText());

        JsonNode c = JSON.readTree(ok("hidden-grad", "--model", lstm.toString(), "--dataset", data.toString(),
                "--sample", "3", "--reduce", "norm").out());
        assertEquals(3, c.get("sequences").asInt());
        assertEquals(c.get("mean").size(), c.get("std").size());
        String csv = ok("hidden-grad", "--model", lstm.toString(), "--text", "great fun", "--format", "csv").out();
        assertEquals("t,token,hidden,curve,s0,s1", csv.lines().findFirst().orElseThrow());
        assertEquals(3, csv.lines().count());
    }

    @Test
    void sensitivityOfThePriceModelAndOfAnImageModel() throws Exception {
        JsonNode j = JSON.readTree(ok("sensitivity", "--model", price.toString(), "--dataset", "price", "--limit", "40",
                "--per-row").out());
        assertEquals("regression", j.get("output").asText());
        assertEquals(40, j.get("rows").asInt());
        assertEquals("features", j.get("inputs").get(0).get("input").asText());
        assertEquals("reference_price", j.get("inputs").get(1).get("input").asText());
        assertEquals(40, j.get("inputs").get(1).get("gradients").size());
        String csv = ok("sensitivity", "--model", price.toString(), "--dataset", "price", "--format", "csv").out();
        assertEquals("input,feature,mean,mean_abs", csv.lines().findFirst().orElseThrow());
        assertEquals(6, csv.lines().count());
        JsonNode img = JSON.readTree(ok("sensitivity", "--model", image.toString(), "--dataset", "digits", "--limit",
                "5", "--output", "logit", "--target", "3").out());
        assertEquals(64, img.get("inputs").get(0).get("mean").size());
        assertEquals("logit[3]", img.get("output").asText());
    }

    @Test
    void sanityCheckReportsACascade() throws Exception {
        JsonNode j = JSON.readTree(ok("sanity", "--model", image.toString(), "--dataset", "digits", "--limit", "6")
                .out());
        assertEquals("gradient", j.get("method").asText());
        assertEquals(6, j.get("examples").asInt());
        assertEquals(2, j.get("steps").size());
        assertEquals("out", j.get("steps").get(0).get("randomized_layers").get(0).asText());
        assertEquals(6, j.get("steps").get(1).get("spearman_abs").size());
    }

    @Test
    void badInputsExitWithTwoAndOneLine() throws Exception {
        assertBadInput("no layer named 'nope'", "hidden-grad", "--model", lstm.toString(), "--text", "great", "--layer",
                "nope");
        assertBadInput("no tokens", "saliency", "--model", lstm.toString(), "--text", "   ");
        assertBadInput("no recurrent layer", "hidden-grad", "--model", linearText.toString(), "--text", "great film");
        assertBadInput("needs a recurrent text model", "hidden-grad", "--model", image.toString(), "--text", "great");
        assertBadInput("--text needs a text model", "saliency", "--model", image.toString(), "--text", "great");
        assertBadInput("but dataset 'digits' has images 8x8x1", "saliency", "--model", smallImage.toString(),
                "--dataset", "digits", "--limit", "2");
        assertBadInput("is text", "saliency", "--model", image.toString(), "--dataset", data.toString());
        Path foreign = dir.resolve("foreign.csv");
        Files.writeString(foreign, "text,label\nzzz qqq,0\nxyzzy plugh,1\n");
        assertBadInput("vocabulary", "saliency", "--model", lstm.toString(), "--dataset", foreign.toString(),
                "--split", "train");
        assertBadInput("unknown --method", "saliency", "--model", lstm.toString(), "--text", "great", "--method", "x");
        assertBadInput("--target", "saliency", "--model", lstm.toString(), "--text", "great", "--target", "7");
        assertBadInput("unknown --format", "saliency", "--model", lstm.toString(), "--text", "great", "--format", "xml");
        assertBadInput("not tabular", "sensitivity", "--model", price.toString(), "--dataset", data.toString());
        assertBadInput("unit 9 does not exist", "hidden-grad", "--model", lstm.toString(), "--text", "great",
                "--reduce", "unit:9");
    }
}
