package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.install.AppDirectories;
import io.gradlens.workflow.RuntimeVersions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code gradlens info} without a model: the environment, as text and JSON. */
class InfoEnvironmentTest {

    @Test
    void textNamesVersionsBackendBlasBudgetAndFolders() {
        CliRun run = CliRun.of("info");
        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("GradLens: " + RuntimeVersions.gradlens(), lines.get(0));
        assertEquals("ND4J: " + RuntimeVersions.nd4j(), lines.get(1));
        assertTrue(lines.get(2).startsWith("Java: " + RuntimeVersions.java()), run.out());
        assertTrue(lines.contains("backend: CpuBackend"), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("BLAS: OPENBLAS, \\d+ threads")), run.out());
        assertTrue(lines.stream().anyMatch(l -> l.matches("native budget: \\d+ MB")), run.out());
        AppDirectories dirs = AppDirectories.current();
        assertTrue(lines.contains("datasets folder: " + dirs.datasets().toAbsolutePath()), run.out());
        assertTrue(lines.contains("config folder: " + dirs.config().toAbsolutePath()), run.out());
        assertTrue(lines.contains("logs folder: " + dirs.logs().toAbsolutePath()), run.out());
    }

    @Test
    void jsonHasTheSameFacts() throws Exception {
        CliRun run = CliRun.of("info", "--format", "json");
        assertEquals(0, run.exitCode(), run.err());
        JsonNode out = new ObjectMapper().readTree(run.out());
        assertEquals(RuntimeVersions.nd4j(), out.get("versions").get("nd4j").asText());
        assertEquals("OPENBLAS", out.get("engine").get("blas_vendor").asText());
        assertTrue(out.get("native_budget_mb").asLong() > 0, run.out());
        assertEquals(AppDirectories.current().models().toAbsolutePath().toString(),
                out.get("folders").get("models").asText());
    }
}
