package io.gradlens.hardening;

import static io.gradlens.hardening.CliBadInputTest.assertBadInput;
import static io.gradlens.hardening.CliBadInputTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gradlens.util.WorkLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Work sizes past their caps are bad input: exit 2, a message naming the option and the cap, nothing written. */
class WorkLimitsTest {

    @TempDir
    Path dir;

    @Test
    void batchSizesPastTheCapAreBadInput() throws Exception {
        String cap = "is past the cap of " + WorkLimits.MAX_BATCH_SIZE + " examples per batch";
        assertBadInput(run("train", "--dataset", "sentences", "--limit", "8", "--batch-size", "134217728", "--out",
                dir.resolve("m.gradlens").toString()), "gradlens train: --batch-size 134217728 " + cap);
        assertBadInput(run("saliency", "--model", AtomicOutputTest.MODEL, "--dataset", "sentences", "--limit", "2", "--batch-size",
                "134217728"), "gradlens saliency: --batch-size 134217728 " + cap);
        try (Stream<Path> s = Files.list(dir)) {
            assertEquals(0, s.count());
        }
    }

    @Test
    void attributionStepsAndSamplesPastTheRegistryCapAreBadInput() {
        assertBadInput(run("saliency", "--model", AtomicOutputTest.MODEL, "--text", "fine", "--method",
                "integrated-gradients", "--steps", "100001"), "gradlens saliency: ", "100000");
        assertBadInput(run("saliency", "--model", AtomicOutputTest.MODEL, "--text", "fine", "--method",
                "smoothgrad", "--samples", "100001"), "gradlens saliency: ", "100000");
    }

    @Test
    void aHiddenStateTextPastTheTokenCapIsRefusedBeforeAnyWork() {
        String text = String.join(" ", java.util.Collections.nCopies(20_001, "good"));
        assertBadInput(run("hidden-grad", "--model", AtomicOutputTest.MODEL, "--text", text),
                "gradlens hidden-grad: the text's 20001 tokens exceeds the limit of 20000 tokens",
                "-Dgradlens.limit.tokensPerText=");
    }
}
