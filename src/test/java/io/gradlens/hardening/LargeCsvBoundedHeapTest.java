package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 200 MB CSV (multi-line quoted reviews among them) is streamed by {@code TextImport.preview}
 * in a child JVM with {@code -Xmx256m}: a reader that held the file, or its lines, would not fit.
 * The file is generated here and removed with the temporary folder.
 */
class LargeCsvBoundedHeapTest {

    private static final long TARGET_BYTES = 200L << 20;

    @TempDir
    Path dir;

    /** Writes records until the file passes 200 MB; returns the number of records per class [negative, positive]. */
    private static long[] write(Path file) throws IOException {
        long[] counts = new long[2];
        String filler = "the plot moves slowly but the acting is honest and the score is quietly lovely ".repeat(2);
        long bytes = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,text,label\n");
            for (long i = 0; bytes < TARGET_BYTES; i++) {
                int label = (int) (i % 3 == 0 ? 0 : 1);
                String text = i % 1000 == 0 ? "\"review " + i + ", in two lines\n" + filler + "\"" : "review " + i
                        + " " + filler;
                String line = i + "," + text + "," + (label == 0 ? "negative" : "positive") + "\n";
                out.write(line);
                bytes += line.length();
                counts[label]++;
            }
        }
        return counts;
    }

    @Test
    void aTwoHundredMegabyteCsvIsPreviewedInA256MegabyteHeap() throws Exception {
        Path csv = dir.resolve("big.csv");
        long[] counts = write(csv);
        assertTrue(Files.size(csv) >= TARGET_BYTES);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                LargeCsvPreviewMain.class.getName(), csv.toString());
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child still running: " + output);
        assertEquals(0, p.exitValue(), output);
        assertEquals("records=" + (counts[0] + counts[1]) + " classes={negative=" + counts[0] + ", positive="
                + counts[1] + "} problems=0 maxHeapMb=" + maxHeapMb(output), output.strip());
        Files.delete(csv);
    }

    private static String maxHeapMb(String output) {
        String mb = output.substring(output.indexOf("maxHeapMb=") + "maxHeapMb=".length()).strip();
        assertTrue(Integer.parseInt(mb) <= 256, "the child ran with at most 256 MB of heap: " + output);
        return mb;
    }
}
