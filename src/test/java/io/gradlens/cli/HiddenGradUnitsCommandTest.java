package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.explain.HiddenReduction;
import io.gradlens.explain.HiddenStateGradientMap;
import io.gradlens.explain.HiddenStateGradients;
import io.gradlens.workflow.models.ModelOpening;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code hidden-grad --units} and {@code --top-units --rank-by} on the shipped sentiment LSTM: each
 * unit's curve equals that unit's own map ({@code --reduce unit:K}), the ranking is in order, and
 * bad combinations exit with 2 and one line.
 */
class HiddenGradUnitsCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MODEL = Path.of("assets/models/sentiment-lstm.gradlens");
    private static final String TEXT = "a dull film with a wonderful ending";

    private static double[] numbers(JsonNode array) {
        double[] v = new double[array.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = array.get(i).asDouble();
        }
        return v;
    }

    @Test
    void chosenUnitsHaveTheirOwnMapsCurves() throws Exception {
        JsonNode j = JSON.readTree(CliRun.ok("hidden-grad", "--model", MODEL.toString(), "--text", TEXT,
                "--units", "3,0").out());
        JsonNode units = j.get("units");
        assertEquals("hidden-state-units", units.get("kind").asText());
        assertEquals(3, units.get("units").get(0).asInt());
        assertEquals(0, units.get("units").get(1).asInt());
        assertTrue(units.get("rank_by").isNull());
        Classifier model = ModelOpening.classifier(MODEL, null, "test");
        for (int i = 0; i < 2; i++) {
            int unit = units.get("units").get(i).asInt();
            HiddenStateGradientMap own = new HiddenStateGradients(null, HiddenReduction.unit(unit), 0,
                    HiddenStateGradients.DEFAULT_BUDGET_BYTES).attribute(model, TEXT, ProgressListener.NONE,
                    CancellationToken.NONE);
            // float32 model: the batched sweep sums in another order, so agreement is to float precision
            double[] curve = numbers(units.get("curve").get(i));
            double[] expected = own.curve();
            for (int t = 0; t < expected.length; t++) {
                assertEquals(expected[t], curve[t], 1e-6 * expected[t], "unit " + unit + ", t = " + t);
            }
            assertArrayEquals(own.hidden(), numbers(units.get("hidden").get(i)), 1e-12, "unit " + unit);
        }
        String csv = CliRun.ok("hidden-grad", "--model", MODEL.toString(), "--text", TEXT, "--units", "3,0", "--format",
                "csv").out();
        assertEquals("t,token,h_u3,curve_u3,h_u0,curve_u0", csv.lines().findFirst().orElseThrow());
        assertEquals(j.get("tokens").size() + 1, csv.lines().count());
    }

    @Test
    void topUnitsAreRankedBestFirst() throws Exception {
        for (String by : new String[] {"activation", "gradient"}) {
            JsonNode u = JSON.readTree(CliRun.ok("hidden-grad", "--model", MODEL.toString(), "--text", TEXT,
                    "--top-units", "4", "--rank-by", by).out()).get("units");
            assertEquals(by, u.get("rank_by").asText());
            double[] scores = numbers(u.get("scores"));
            assertEquals(4, u.get("units").size());
            for (int i = 0; i < 4; i++) {
                double score = scores[u.get("units").get(i).asInt()];
                long better = java.util.Arrays.stream(scores).filter(s -> s > score).count();
                assertTrue(better <= i, by + ": unit ranked " + i + " has " + better + " better units");
            }
        }
    }

    @Test
    void badUnitOptionsExitWithTwo() {
        CliRun.assertBadInput("unit 999 does not exist", "hidden-grad", "--model", MODEL.toString(), "--text", TEXT,
                "--units", "1,999");
        CliRun.assertBadInput("'x' in the unit list", "hidden-grad", "--model", MODEL.toString(), "--text", TEXT,
                "--units", "1,x");
        CliRun.assertBadInput("unknown ranking 'size'", "hidden-grad", "--model", MODEL.toString(), "--text", TEXT,
                "--top-units", "3", "--rank-by", "size");
        CliRun.assertBadInput("--units needs --text", "hidden-grad", "--model", MODEL.toString(), "--dataset",
                "sentences", "--units", "1");
        CliRun.assertBadInput("exclusive", "hidden-grad", "--model", MODEL.toString(), "--text", TEXT, "--units", "1",
                "--top-units", "2");
        CliRun.assertBadInput("must be 1..64, got 0", "hidden-grad", "--model", MODEL.toString(), "--text", TEXT,
                "--top-units", "0");
    }
}
