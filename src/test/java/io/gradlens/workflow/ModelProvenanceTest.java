package io.gradlens.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.io.ModelBundle;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The typed provenance reads old bundles, round-trips through JSON and keeps unknown keys. */
class ModelProvenanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelProvenance full() {
        return new ModelProvenance(Optional.of("0.1.0"), Optional.of("1.0.0-M2.1"),
                new ModelProvenance.DatasetProvenance(Optional.of("tiny.csv"), Optional.of("/data/tiny.csv"),
                        Optional.of("/data/tiny.csv"), Optional.of(false), Optional.of("ab12"),
                        Optional.of(new ModelProvenance.EditsApplied("tiny.csv.gradlens-edits.tsv", 3))),
                Optional.of("gru"), Map.of("epochs", 2), OptionalLong.of(9), Optional.of("17.0.15"),
                Optional.of("Vendor VM"), Optional.of("Linux 6 amd64"), Optional.of(Instant.parse("2026-12-03T06:00:00Z")),
                OptionalDouble.of(1.5), Optional.of(TrainingSite.CLI), Map.of("test_rmse", 4.25));
    }

    @Test
    void aRecordSurvivesTheBundlesJson() throws Exception {
        ModelProvenance p = full();
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = JSON.readValue(JSON.writeValueAsBytes(p.toMap()), Map.class);
        assertEquals(p, ModelProvenance.fromMap(parsed));
        assertEquals("cli", parsed.get("trained_in"));
        assertEquals(Map.of("file", "tiny.csv.gradlens-edits.tsv", "edits", 3), parsed.get("dataset_edits"));
        assertEquals(4.25, parsed.get("test_rmse"));
    }

    @Test
    void anOldShippedBundleReadsWithWhatItHasAndEmptiesForTheRest() throws Exception {
        Map<String, Object> raw = ModelBundle.provenance(Path.of("assets/models/mnist-cnn.gradlens"));
        ModelProvenance p = ModelProvenance.fromMap(raw);
        assertEquals(Optional.of("mnist"), p.dataset().name());
        assertEquals(Optional.of(raw.get("dataset_source")), p.dataset().source().map(s -> (Object) s));
        assertEquals(Optional.of("cnn"), p.architecture());
        assertEquals(raw.get("hyperparameters"), p.hyperparameters());
        assertEquals(((Number) raw.get("seed")).longValue(), p.seed().getAsLong());
        assertEquals(Optional.of(Instant.parse((String) raw.get("created"))), p.created());
        assertEquals(Optional.empty(), p.dataset().sha256());
        assertEquals(Optional.empty(), p.trainedIn());
        assertEquals(Optional.empty(), p.os());
        assertTrue(p.extra().isEmpty(), p.extra().toString());
        // Written back (as a bundle's JSON), the old keys keep their values.
        assertEquals(raw, JSON.readValue(JSON.writeValueAsBytes(p.toMap()), Map.class));
    }

    @Test
    void thePriceModelsTestErrorIsKeptAsAnExtra() throws Exception {
        Map<String, Object> raw = ModelBundle.provenance(Path.of("assets/models/price-model.gradlens"));
        ModelProvenance p = ModelProvenance.fromMap(raw);
        assertEquals(List.of("test_rmse"), List.copyOf(p.extra().keySet()));
        assertEquals(raw.get("test_rmse"), p.extra().get("test_rmse"));
        assertThrows(IllegalArgumentException.class, () -> p.withExtra("seed", 1));
    }

    @Test
    void theWorkbenchsOldSiteNameAndMissingMapsAreUnderstood() {
        assertEquals(Optional.of(TrainingSite.WORKBENCH), TrainingSite.fromFileName("GradLens workbench"));
        assertEquals(Optional.of(TrainingSite.EXPERIMENT), TrainingSite.fromFileName("experiment"));
        assertEquals(Optional.empty(), TrainingSite.fromFileName("elsewhere"));
        assertEquals(ModelProvenance.EMPTY, ModelProvenance.fromMap(null));
        assertEquals(ModelProvenance.EMPTY, ModelProvenance.fromMap(Map.of()));
        ModelProvenance odd = ModelProvenance.fromMap(Map.of("seed", "seven", "created", "yesterday"));
        assertFalse(odd.seed().isPresent());
        assertFalse(odd.created().isPresent());
        assertEquals(Map.of(), odd.extra());
    }

    @Test
    void runDetailsAreWhatTwoRunsOfOneSpecMayDifferIn() {
        ModelProvenance p = full().withoutRunDetails();
        assertEquals(Optional.empty(), p.created());
        assertFalse(p.trainingSeconds().isPresent());
        assertEquals(Optional.empty(), p.trainedIn());
        assertEquals(full().hyperparameters(), p.hyperparameters());
        assertEquals(full().dataset(), p.dataset());
    }
}
