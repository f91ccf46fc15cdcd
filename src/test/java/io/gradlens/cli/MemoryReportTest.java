package io.gradlens.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.autodiff.NativeMemory;
import io.gradlens.data.Vocabulary;
import io.gradlens.io.ModelBundle;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * {@code hidden-grad} reports the process' real peak resident size ({@code memory.peak_resident_bytes},
 * the kernel's VmHWM) beside the native budget, so a user reads what the run cost, not a budget.
 */
class MemoryReportTest {

    @TempDir
    static Path dir;

    @Test
    void hiddenGradReportsTheKernelsPeakBesideTheBudget() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "needs Linux /proc");
        Vocabulary vocab = Vocabulary.of(List.of("great", "film", "awful", "fun"));
        Sequential net = Sequential.builder(new long[] {-1}, DataType.FLOAT, 4)
                .add("embedding", "embedding", Map.of("input_dim", vocab.size(), "output_dim", 3))
                .add("lstm", "lstm", Map.of("units", 4))
                .add("dense", "out", Map.of("units", 2))
                .build();
        Path model = dir.resolve("lstm.gradlens");
        ModelBundle.write(new Classifier(net, new InputSpec.Tokens(vocab), List.of("neg", "pos"), Map.of()), model);

        CliRun run = CliRun.of("hidden-grad", "--model", model.toString(), "--text", "great film great fun");
        assertEquals(0, run.exitCode(), run.err());
        long hwmAfter = vmHwmBytes();
        JsonNode memory = new ObjectMapper().readTree(run.out()).get("memory");
        long peak = memory.get("peak_resident_bytes").asLong();
        Runtime r = Runtime.getRuntime();
        assertTrue(peak > 0 && peak <= hwmAfter, "the kernel's high-water mark: " + peak + " ≤ " + hwmAfter);
        assertTrue(peak >= r.totalMemory() - r.freeMemory(), "covers the heap in use");
        assertEquals(NativeMemory.budget(), memory.get("native_budget_bytes").asLong());
        assertEquals(r.maxMemory(), memory.get("heap_max_bytes").asLong());
        assertTrue(memory.has("budget_collections"));
        JsonNode parameters = new ObjectMapper().readTree(run.out()).get("parameters");
        assertTrue(parameters.get("budget_bytes").asLong() > 0, "the per-pass budget keeps its key and meaning");
    }

    private static long vmHwmBytes() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
            }
        }
        throw new AssertionError("no VmHWM line");
    }
}
