package io.gradlens.train;

import io.gradlens.nn.Layer;
import io.gradlens.nn.Sequential;
import java.util.Set;
import java.util.function.Supplier;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Reuses the native memory of one batch's temporaries for the next batch: an ND4J workspace that
 * every array made during a step is placed in, reset when the step ends.
 *
 * <p><b>Why.</b> ND4J frees an array's buffer only after the garbage collector has found its Java
 * wrapper dead, so every step of the loop writes into memory the process has never touched:
 * each page is faulted in and zeroed by the kernel. Measured on the 2-core machine under load, a
 * fresh 800 KB array (a batch of 256 digits) costs about 2 ms to make against 0.05 ms for the same
 * op writing into existing memory; a 784-128-10 MLP step makes 2.8 MB of arrays, the penalised
 * step 12.7 MB, which was most of the step's time. In a workspace the same block serves every
 * step (ND4J learns its size during the first one).
 *
 * <p><b>What must not live in it.</b> Nothing made during a step may be used after it: the loop
 * only keeps doubles from a step. State that outlives a step is made with {@link #outside} (the
 * optimizers' moments). Layers that cache arrays between calls would break that rule, so only
 * models made of the layers in {@link #SAFE_LAYERS} (checked to cache nothing) use a workspace;
 * any other model runs as before, and so does every model under {@code -Dgradlens.stepWorkspace=false}.
 */
final class StepWorkspace implements AutoCloseable {

    /** Layer types that keep no array made in one call for the next. */
    static final Set<String> SAFE_LAYERS = Set.of("dense", "flatten", "activation", "dropout");

    /** {@code -Dgradlens.stepWorkspace=false} turns the workspace off (for A/B measurements). */
    static final String PROPERTY = "gradlens.stepWorkspace";

    private static final WorkspaceConfiguration CONFIGURATION = WorkspaceConfiguration.builder()
            .initialSize(0)
            .policyLearning(LearningPolicy.FIRST_LOOP)
            .policyAllocation(AllocationPolicy.OVERALLOCATE)
            .overallocationLimit(0.25)
            .policySpill(SpillPolicy.REALLOCATE)
            .policyReset(ResetPolicy.BLOCK_LEFT)
            .build();

    private final String id;
    private final boolean enabled;
    private MemoryWorkspace workspace;

    private StepWorkspace(String id, boolean enabled) {
        this.id = id;
        this.enabled = enabled;
    }

    /** A workspace for the steps of {@code model}, or a no-op when its layers are not all safe. */
    static StepWorkspace forModel(Sequential model, String purpose) {
        boolean safe = !"false".equals(System.getProperty(PROPERTY));
        for (Layer layer : model.layers()) {
            safe &= SAFE_LAYERS.contains(layer.type());
        }
        return new StepWorkspace("gradlens-" + purpose + "-" + System.identityHashCode(model), safe);
    }

    /** Whether steps run in a workspace. */
    boolean enabled() {
        return enabled;
    }

    /**
     * Runs one step with its arrays in the workspace; the workspace is reset afterwards, so the
     * result must not hold arrays made by the step.
     */
    <T> T step(Supplier<T> body) {
        if (!enabled) {
            return body.get();
        }
        try (MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(CONFIGURATION, id)) {
            workspace = ws;
            return body.get();
        }
    }

    /** Runs {@code body} with no workspace active: for arrays that outlive the current step. */
    static <T> T outside(Supplier<T> body) {
        MemoryWorkspace scope = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
        try {
            return body.get();
        } finally {
            scope.close();
        }
    }

    /** Releases the workspace's memory. */
    @Override
    public void close() {
        if (workspace != null) {
            workspace.destroyWorkspace(true);
            workspace = null;
        }
    }
}
