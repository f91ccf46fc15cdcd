package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus' heavy inputs, each refused by the command line in a child JVM limited to
 * {@code -Xmx512m}: exit code 2, a one-line message naming the setting, and a peak resident
 * memory (VmHWM, Linux) under 300 MB. Before the limits these ended in OutOfMemoryError or took
 * gigabytes first.
 */
class HeavyInputsTest {

    private static final long MAX_PEAK_KB = 300_000;
    private static final Pattern PEAK = Pattern.compile("VmHWM=(-?\\d+)");

    @TempDir
    Path dir;

    private record Child(int exitCode, String output, long peakKb) {
    }

    private static Child gradlens(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        // The child logs as this test JVM does (warnings only), so its output is the CLI's own.
        String logging = System.getProperty("java.util.logging.config.file");
        if (logging != null) {
            command.add("-Djava.util.logging.config.file=" + logging);
        }
        command.add(HeavyInputMain.class.getName());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child still running: " + output);
        Matcher m = PEAK.matcher(output);
        long peak = m.find() ? Long.parseLong(m.group(1)) : -1;
        return new Child(p.exitValue(), output, peak);
    }

    private static void assertRefused(Child child, String... fragments) {
        assertEquals(2, child.exitCode(), child.output());
        assertTrue(child.output().startsWith("gradlens "), child.output());
        assertTrue(!child.output().contains("\tat ") && !child.output().contains("OutOfMemoryError"), child.output());
        for (String f : fragments) {
            assertTrue(child.output().contains(f), child.output());
        }
        if (child.peakKb() >= 0) {
            assertTrue(child.peakKb() < MAX_PEAK_KB, "peak RSS " + child.peakKb() + " kB: " + child.output());
        }
    }

    @Test
    void aFiftyMegabyteRecord() throws Exception {
        Path csv = Corpus.longRecordCsv(dir.resolve("long.csv"), 25_000_000);
        assertTrue(Files.size(csv) > 50_000_000);
        assertRefused(gradlens("train", "--dataset", csv.toString(), "--out", dir.resolve("m.gradlens").toString()),
                "long.csv line 3: this line exceeds the limit of 1048576 bytes", "-Dgradlens.limit.recordBytes=");
    }

    @Test
    void aSparseThreeGigabyteFile() throws Exception {
        Path csv = Corpus.sparse(dir.resolve("sparse.csv"), 3L << 30);
        assertRefused(gradlens("train", "--dataset", csv.toString(), "--out", dir.resolve("m.gradlens").toString()),
                "sparse.csv: its size of 3221225472 bytes", "-Dgradlens.limit.fileBytes=");
    }

    @Test
    void aFolderOfHugePngHeaders() throws Exception {
        Path root = Corpus.pngFolder(dir.resolve("pngs"), 20_000, 20_000, 400_000);
        Corpus.pngHeader(root.resolve("a").resolve("second.png"), 20_000, 20_000, 400_000);
        assertRefused(gradlens("train", "--dataset", root.toString(), "--out", dir.resolve("m.gradlens").toString()),
                "its 20000x20000 pixels", "-Dgradlens.limit.imagePixels=");
    }

    @Test
    void anNpyWithAHugeDeclaredShape() throws Exception {
        Path model = dir.resolve("conv.gradlens");
        Path keras = Path.of(HeavyInputsTest.class.getResource("/keras/generated/conv1d_functional/model.keras").toURI());
        assertEquals("0", CliBadInputTest.run("import", keras.toString(), "--out", model.toString())[0]);
        Path npy = Files.write(dir.resolve("huge.npy"), Corpus.npyShape("4611686018427387904, 4611686018427387904"));
        assertRefused(gradlens("predict", "--model", model.toString(), "--input-npy", npy.toString()),
                "huge.npy: shape [4611686018427387904, 4611686018427387904] declares more bytes than a file can hold");
    }

    @Test
    void aZipBombBundle() throws Exception {
        Path bomb = Corpus.zipBomb(dir.resolve("bomb.gradlens"), "weights.npz", 256L << 20);
        assertTrue(Files.size(bomb) < 1 << 20);
        assertRefused(gradlens("predict", "--model", bomb.toString(), "--text", "hi"),
                "bomb.gradlens: weights.npz: compression ratio", "-Dgradlens.limit.zipRatio=");
    }

    @Test
    void aStoredBundleWithHugeEntries() throws Exception {
        Path stored = Corpus.storedHuge(dir.resolve("stored.gradlens"), "weights.npz", 1_900_000_000L, 5 * 1_900_000_000L);
        assertRefused(gradlens("predict", "--model", stored.toString(), "--text", "hi"),
                "declared size of 1900000000 bytes", "-Dgradlens.limit.zipEntryBytes=");
    }
}
