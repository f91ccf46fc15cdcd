package io.gradlens.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.cli.GradLensCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line turns every refused corpus input into exit code 2 and one line, no stack trace. */
class CliBadInputTest {

    @TempDir
    Path dir;

    /** Runs {@code gradlens args} in-process; returns the exit code and stderr. */
    static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = GradLensCli.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), err.toString()};
    }

    static void assertBadInput(String[] run, String... fragments) {
        assertEquals("2", run[0], run[1]);
        assertEquals(1, run[1].strip().lines().count(), run[1]);
        assertFalse(run[1].contains("\tat "), run[1]);
        for (String f : fragments) {
            assertTrue(run[1].contains(f), run[1]);
        }
    }

    @Test
    void trainingOnAHugeLabelIsBadInput() throws Exception {
        Path csv = Corpus.labelCsv(dir.resolve("labels.csv"), "2147483647");
        assertBadInput(run("train", "--dataset", csv.toString(), "--out", dir.resolve("m.gradlens").toString()),
                "gradlens train: labels.csv line 3: label 2147483647", "-Dgradlens.limit.classes=");
    }

    @Test
    void predictingWithAZipBombIsBadInput() throws Exception {
        Path bomb = Corpus.zipBomb(dir.resolve("bomb.gradlens"), "weights.npz", 32L << 20);
        assertBadInput(run("predict", "--model", bomb.toString(), "--text", "hi"),
                "gradlens predict: bomb.gradlens: weights.npz: compression ratio", "-Dgradlens.limit.zipRatio=");
    }

    @Test
    void importingAModelThatLeavesItsFolderIsBadInput() throws Exception {
        Path outside = ModelFolderEscapeTest.outsideShard(dir);
        Path json = ModelFolderEscapeTest.tfjsModel(dir, "link/weights.bin");
        Files.createSymbolicLink(json.resolveSibling("link"), outside);
        assertBadInput(run("import", json.toString(), "--out", dir.resolve("x.gradlens").toString()),
                "leaves the directory of model.json through a symbolic link");
    }

    @Test
    void predictingFromAnNpyWithAnOverflowingShapeIsBadInput() throws Exception {
        Path model = dir.resolve("conv.gradlens");
        Path keras = Path.of(CliBadInputTest.class.getResource("/keras/generated/conv1d_functional/model.keras").toURI());
        assertEquals("0", run("import", keras.toString(), "--out", model.toString())[0]);
        for (String shape : new String[] {"4611686018427387904, 4611686018427387904", "4611686018427387904,"}) {
            Path npy = Files.write(dir.resolve("x.npy"), Corpus.npyShape(shape));
            assertBadInput(run("predict", "--model", model.toString(), "--input-npy", npy.toString()),
                    "declares more bytes than a file can hold");
        }
        Path negative = Files.write(dir.resolve("n.npy"), Corpus.npyNegativeHeaderLength());
        assertBadInput(run("predict", "--model", model.toString(), "--input-npy", negative.toString()),
                "truncated .npy header");
    }
}
