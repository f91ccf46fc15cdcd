package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gradlens.cli.GradLensCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code gradlens bench} refuses a bad order or round count with exit 2 before running anything. */
class BenchCommandOrderTest {

    private static int run(StringWriter err, String... args) {
        return GradLensCli.execute(args, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    @Test
    void anUnknownOrderExitsWithTwoAndNamesTheChoices() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "bench", "--order", "sideways"));
        assertTrue(err.toString().contains("unknown --order 'sideways'"), err.toString());
        assertTrue(err.toString().contains("shuffle:SEED"), err.toString());
    }

    @Test
    void aBadShuffleSeedOrRoundCountExitsWithTwo() {
        StringWriter err = new StringWriter();
        assertEquals(2, run(err, "bench", "--order", "shuffle:abc"));
        assertTrue(err.toString().contains("integer seed"), err.toString());
        StringWriter err2 = new StringWriter();
        assertEquals(2, run(err2, "bench", "--rounds", "0"));
        assertTrue(err2.toString().contains("--rounds must be at least 1"), err2.toString());
    }
}
