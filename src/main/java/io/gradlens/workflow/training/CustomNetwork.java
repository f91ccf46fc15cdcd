package io.gradlens.workflow.training;

import io.gradlens.nn.InputSpec;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Trainer;
import java.util.Objects;
import java.util.Optional;

/**
 * A network the caller builds instead of one of the named {@link Architecture}s, e.g. the
 * paper-specific models of the {@code experiment} package, optionally trained with its own batch
 * objective instead of the default step (cross-entropy plus {@link TrainingSettings#penalty()}).
 * {@link TrainingWorkflow} prepares the data, calls the factory with the prepared input and classes,
 * and trains, records checkpoints and provenance as for any other run.
 *
 * @param name    recorded as the run's {@code architecture}, e.g. {@code mlp-784-50-30-10}
 * @param factory builds a fresh network for the prepared data
 * @param step    the batch objective, or empty for the default one
 */
public record CustomNetwork(String name, Factory factory, Optional<Trainer.Step> step) {

    /** Builds a fresh network. */
    @FunctionalInterface
    public interface Factory {
        /**
         * @param input   what the network reads (for text: the vocabulary it embeds)
         * @param classes number of output classes
         * @param seed    {@link TrainingSettings#seed()}, for the initial weights
         */
        Sequential build(InputSpec input, int classes, long seed);
    }

    /** Checks the fields. */
    public CustomNetwork {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(step, "step");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a custom network needs a name for the provenance");
        }
    }

    /** {@code factory} named {@code name}, trained with the default step. */
    public static CustomNetwork of(String name, Factory factory) {
        return new CustomNetwork(name, factory, Optional.empty());
    }

    /** This network trained with {@code objective} as the batch step. */
    public CustomNetwork withStep(Trainer.Step objective) {
        return new CustomNetwork(name, factory, Optional.of(objective));
    }
}
