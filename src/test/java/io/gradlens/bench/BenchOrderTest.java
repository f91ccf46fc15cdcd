package io.gradlens.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The suite's workload orders: parsing, determinism, and agreement with the PyTorch peer's shuffle. */
class BenchOrderTest {

    private static final List<String> LETTERS = List.of("a", "b", "c", "d", "e", "f", "g", "h");

    @Test
    void parsesTheThreeKindsAndRejectsOthers() {
        assertEquals(BenchOrder.Kind.GIVEN, BenchOrder.parse("given", 1).kind());
        assertEquals(BenchOrder.Kind.REVERSE, BenchOrder.parse(" Reverse ", 1).kind());
        assertEquals(new BenchOrder(BenchOrder.Kind.SHUFFLE, 42), BenchOrder.parse("shuffle", 42));
        assertEquals(new BenchOrder(BenchOrder.Kind.SHUFFLE, -3), BenchOrder.parse("shuffle:-3", 42));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BenchOrder.parse("random", 1));
        assertTrue(e.getMessage().contains("given, reverse, shuffle"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOrder.parse("shuffle:x", 1));
        assertEquals("shuffle:7", BenchOrder.parse("shuffle:7", 0).toString());
    }

    @Test
    void givenAndReverseKeepOrReverseTheList() {
        assertEquals(LETTERS, BenchOrder.GIVEN.arrange(LETTERS, 3));
        List<String> reversed = new ArrayList<>(LETTERS);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, BenchOrder.parse("reverse", 0).arrange(LETTERS, 1));
    }

    /**
     * The expected permutations were computed by the Python implementation of bench/pytorch_peer.py
     * (SplitMix64, Fisher–Yates), so the two sides run their workloads in the same order.
     */
    @Test
    void shuffleIsSeededPerRoundAndMatchesThePeer() {
        BenchOrder seven = BenchOrder.parse("shuffle:7", 0);
        assertEquals(List.of("d", "f", "a", "c", "e", "b", "h", "g"), seven.arrange(LETTERS, 1));
        assertEquals(List.of("d", "g", "f", "b", "h", "a", "c", "e"), seven.arrange(LETTERS, 2));
        assertEquals(List.of("g", "c", "e", "h", "a", "d", "f", "b"), BenchOrder.parse("shuffle:-3", 0).arrange(LETTERS, 1));
        assertEquals(seven.arrange(LETTERS, 5), BenchOrder.parse("shuffle:7", 99).arrange(LETTERS, 5));
    }

    @Test
    void shuffleIsAPermutationThatVisitsManyOrders() {
        Set<List<String>> seen = new HashSet<>();
        BenchOrder o = BenchOrder.parse("shuffle:1", 0);
        for (int round = 1; round <= 50; round++) {
            List<String> p = o.arrange(LETTERS, round);
            assertEquals(new HashSet<>(LETTERS), new HashSet<>(p));
            assertEquals(LETTERS.size(), p.size());
            seen.add(p);
        }
        assertTrue(seen.size() > 40, "50 rounds gave only " + seen.size() + " distinct orders");
        assertNotEquals(o.arrange(LETTERS, 1), o.arrange(LETTERS, 2));
    }
}
