package io.gradlens.train;

import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import io.gradlens.util.CancellationToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The minibatch training loop: seeded shuffling, one optimizer step per batch, per-batch and
 * per-epoch metrics to a listener, validation after each epoch, cancellation checked before
 * every batch, and the {@link Divergence} checks: every batch's loss, every weight after each epoch.
 */
public final class Trainer {

    /**
     * One batch's loss parts, accuracy and weight gradients; the default is {@link TrainingStep#run}
     * with the configuration's penalty. A variant objective (an experiment's) plugs in here and keeps
     * the loop: shuffling, cancellation, finiteness checks, optimizer steps and listeners.
     */
    @FunctionalInterface
    public interface Step {
        /** Computes {@code batch}'s result with gradients, recording on a fresh tape. */
        StepResult run(Sequential model, Batch batch, ForwardContext context);
    }

    private final TrainingConfig config;
    private final Optimizer optimizer;
    private final Step step;

    public Trainer(TrainingConfig config, Optimizer optimizer) {
        this(config, optimizer, (model, batch, context) -> TrainingStep.run(model, batch, config.penalty(), context,
                true));
    }

    /** A trainer whose batches compute {@code step} instead of the standard objective. */
    public Trainer(TrainingConfig config, Optimizer optimizer, Step step) {
        this.config = config;
        this.optimizer = optimizer;
        this.step = step;
    }

    /**
     * Trains {@code model} in place.
     *
     * @param validation evaluated after each epoch, or null
     * @return the per-epoch metrics
     * @throws CancellationToken.CancelledException when cancelled (the model keeps the weights of
     *     the last finished batch)
     * @throws TrainingDivergedException when a batch's loss or, after an epoch, a weight is non-finite
     *     or past {@link Divergence#WEIGHT_BOUND}
     */
    public List<Map<String, Double>> fit(Sequential model, ExampleSet train, ExampleSet validation,
                                        TrainingListener listener, CancellationToken cancel) {
        if (train.size() == 0) {
            throw new IllegalArgumentException("the training set is empty");
        }
        Random random = new Random(config.seed());
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        int batches = (order.length + config.batchSize() - 1) / config.batchSize();
        List<Map<String, Double>> history = new ArrayList<>();
        try (StepWorkspace workspace = StepWorkspace.forModel(model, "train")) {
            for (int epoch = 1; epoch <= config.epochs(); epoch++) {
                if (config.shuffle()) {
                    shuffle(order, random);
                }
                MetricAccumulator acc = new MetricAccumulator();
                for (int b = 0; b < batches; b++) {
                    cancel.throwIfCancelled();
                    int from = b * config.batchSize();
                    int[] idx = java.util.Arrays.copyOfRange(order, from,
                            Math.min(from + config.batchSize(), order.length));
                    int epochNumber = epoch;
                    int batchNumber = b + 1;
                    // everything the step makes is dead once it returns: the loop keeps only its doubles
                    workspace.step(() -> {
                        StepResult r = step.run(model, train.batch(idx), ForwardContext.training(random));
                        Divergence.checkLoss(r.loss(), epochNumber, batchNumber, optimizer.learningRate());
                        optimizer.step(model.parameters(), r.gradients());
                        acc.add(r);
                        listener.onBatch(epochNumber, batchNumber, batches, r);
                        return null;
                    });
                }
                Divergence.checkWeights(model.parameters(), epoch, batches, optimizer.learningRate());
                Map<String, Double> metrics = new LinkedHashMap<>(acc.metrics(""));
                if (validation != null && validation.size() > 0) {
                    metrics.putAll(evaluate(model, validation, config.penalty(), config.batchSize(), cancel, workspace)
                            .metrics("val_"));
                }
                history.add(metrics);
                listener.onEpoch(epoch, metrics);
            }
        }
        return history;
    }

    /** Loss parts and accuracy of {@code model} on {@code data}, without changing it. */
    public static MetricAccumulator evaluate(Sequential model, ExampleSet data, ExplanationPenalty penalty,
                                             int batchSize, CancellationToken cancel) {
        try (StepWorkspace workspace = StepWorkspace.forModel(model, "evaluate")) {
            return evaluate(model, data, penalty, batchSize, cancel, workspace);
        }
    }

    private static MetricAccumulator evaluate(Sequential model, ExampleSet data, ExplanationPenalty penalty,
                                              int batchSize, CancellationToken cancel, StepWorkspace workspace) {
        MetricAccumulator acc = new MetricAccumulator();
        for (int from = 0; from < data.size(); from += batchSize) {
            cancel.throwIfCancelled();
            int start = from;
            workspace.step(() -> {
                acc.add(TrainingStep.run(model, data.range(start, Math.min(start + batchSize, data.size())), penalty,
                        ForwardContext.inference(), false));
                return null;
            });
        }
        return acc;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }
}
