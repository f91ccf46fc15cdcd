package io.gradlens.autodiff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@link OpProfile}: counts each operation kind run while started, and nothing otherwise. */
class OpProfileTest {

    @Test
    void countsTheOperationsRunWhileStarted() {
        Tensor x = Tensor.of(new double[] {1, -2, 3}, 3);
        Ops.square(x);
        OpProfile.start();
        Tensor y = Ops.square(Ops.relu(x));
        Ops.square(y);
        List<OpProfile.Entry> entries = OpProfile.stop();
        Map<String, Long> calls = entries.stream()
                .collect(Collectors.toMap(OpProfile.Entry::op, OpProfile.Entry::calls));
        assertEquals(Map.of("square", 2L, "relu", 1L, "(other)", 1L), calls);
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i - 1).nanos() >= entries.get(i).nanos(), "largest time first");
        }
    }

    @Test
    void stopWithoutStartIsEmpty() {
        OpProfile.stop();
        Ops.square(Tensor.of(new double[] {1}, 1));
        assertTrue(OpProfile.stop().isEmpty());
    }
}
