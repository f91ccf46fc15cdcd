package io.gradlens.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {

    private static int count(boolean[] test, int[] strata, int stratum) {
        int n = 0;
        for (int i = 0; i < test.length; i++) {
            n += test[i] && strata[i] == stratum ? 1 : 0;
        }
        return n;
    }

    @Test
    void largestRemaindersGiveTheRoundedTotal() {
        int[] strata = new int[17];
        Arrays.fill(strata, 0, 7, 0);   // 7 * 0.3 = 2.1
        Arrays.fill(strata, 7, 12, 1);  // 5 * 0.3 = 1.5
        Arrays.fill(strata, 12, 17, 2); // 5 * 0.3 = 1.5 ; total round(5.1) = 5
        boolean[] test = StratifiedSplit.testMask(strata, 0.3, 42);
        assertEquals(2, count(test, strata, 0));
        assertEquals(2, count(test, strata, 1)); // ties broken by stratum order
        assertEquals(1, count(test, strata, 2));
    }

    @Test
    void seedIsReproducible() {
        int[] strata = new int[1000];
        for (int i = 0; i < strata.length; i++) {
            strata[i] = i % 3;
        }
        assertArrayEquals(StratifiedSplit.testMask(strata, 0.2, 1), StratifiedSplit.testMask(strata, 0.2, 1));
        assertFalse(Arrays.equals(StratifiedSplit.testMask(strata, 0.2, 1), StratifiedSplit.testMask(strata, 0.2, 2)));
        assertThrows(IllegalArgumentException.class, () -> StratifiedSplit.testMask(strata, 1.5, 1));
    }
}
