package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.InputSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** {@code gradlens info} on the shipped models, as text and JSON. */
class InfoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LSTM = Path.of("assets/models/sentiment-lstm.gradlens");
    private static final Path PRICE = Path.of("assets/models/price-model.gradlens");

    /** The bundle's model.json, read straight from the zip. */
    private static JsonNode modelJson(Path bundle) throws Exception {
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            return JSON.readTree(zip.getInputStream(zip.getEntry("model.json")));
        }
    }

    @Test
    void textNamesKindInputsClassesAndProvenance() throws Exception {
        CliRun run = CliRun.of("info", LSTM.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode provenance = modelJson(LSTM).get("provenance");
        int vocabulary = ((InputSpec.Tokens) ModelBundle.read(LSTM).input()).vocabulary().size();
        List<String> lines = run.out().lines().toList();
        assertEquals("model: " + LSTM, lines.get(0));
        assertEquals("kind: sequential (classifier)", lines.get(1));
        assertEquals(String.format(java.util.Locale.ROOT, "input: tokens (vocabulary of %,d)", vocabulary), lines.get(2));
        assertEquals("classes: negative, positive", lines.get(3));
        assertTrue(lines.contains("dataset: " + provenance.get("dataset").asText()), run.out());
        assertTrue(lines.contains("dataset source: " + provenance.get("dataset_source").asText()), run.out());
        assertTrue(lines.contains("architecture: lstm"), run.out());
        assertTrue(lines.contains("seed: " + provenance.get("seed").asLong()), run.out());
        assertTrue(lines.contains("ND4J: " + provenance.get("nd4j_version").asText()), run.out());
        assertTrue(lines.contains("created: " + provenance.get("created").asText()), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("hyperparameters: epochs="
                + provenance.get("hyperparameters").get("epochs").asInt() + " ")), run.out());
    }

    @Test
    void jsonCarriesTheBundlesProvenanceUnchanged() throws Exception {
        CliRun run = CliRun.of("info", LSTM.toString(), "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = JSON.readTree(run.out());
        assertEquals("sequential", out.get("kind").asText());
        assertEquals(List.of("negative", "positive"), JSON.convertValue(out.get("classes"), List.class));
        assertTrue(out.get("inputs").get("input").asText().startsWith("tokens (vocabulary of "));
        assertEquals(modelJson(LSTM).get("provenance"), out.get("provenance"));
    }

    @Test
    void thePriceModelShowsItsTwoInputsAndTestError() throws Exception {
        CliRun json = CliRun.of("info", PRICE.toString(), "--format", "json");
        assertEquals(0, json.exitCode(), json.err());
        JsonNode out = JSON.readTree(json.out());
        assertEquals("price", out.get("kind").asText());
        assertEquals(Map.of("features", "numeric [area_sqm, age_years, distance_km, condition]",
                "reference_price", "numeric [reference_price]"), JSON.convertValue(out.get("inputs"), Map.class));
        assertEquals(0, out.get("classes").size());
        assertEquals(modelJson(PRICE).get("provenance"), out.get("provenance"));
        CliRun text = CliRun.of("info", PRICE.toString());
        String rmse = "test_rmse: " + modelJson(PRICE).get("provenance").get("test_rmse").asDouble();
        assertTrue(text.out().lines().anyMatch(rmse::equals), text.out());
        assertTrue(text.out().contains("kind: price (regression)\n"), text.out());
    }

    @Test
    void badInputExitsWithTwo() {
        CliRun missing = CliRun.of("info", "no-such.gradlens");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no-such.gradlens: no such model file"), missing.err());
        CliRun format = CliRun.of("info", LSTM.toString(), "--format", "xml");
        assertEquals(2, format.exitCode());
        assertTrue(format.err().contains("unknown --format 'xml'; use text or json"), format.err());
    }
}
