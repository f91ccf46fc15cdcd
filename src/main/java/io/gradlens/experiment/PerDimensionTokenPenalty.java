package io.gradlens.experiment;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.autodiff.UnconnectedGradients;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputStage;
import io.gradlens.nn.Sequential;
import io.gradlens.train.Batch;
import io.gradlens.train.ExampleSet;
import io.gradlens.train.ExplanationPenalty;
import io.gradlens.train.Losses;
import io.gradlens.train.Optimizer;
import io.gradlens.train.StepResult;
import io.gradlens.train.Trainer;
import io.gradlens.train.TrainingConfig;
import io.gradlens.train.TrainingListener;
import io.gradlens.util.CancellationToken;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A variant of the right-for-the-right-reasons penalty (Ross, Hughes and Doshi-Velez, IJCAI 2017,
 * https://arxiv.org/abs/1703.03717) for token models, used by the decoy-text experiment to compare
 * with {@link ExplanationPenalty}: {@code λ · Σ_n Σ_t Σ_e ((1 − Z_{n,t}) · ∂S/∂x_{n,t,e})²}, every
 * embedding component of the input gradient penalised, where the project's penalty squares the
 * gradient summed over the embedding axis. The summed form constrains one direction of the
 * embedding space only; a network whose weights sum to zero over the embedding axis satisfies it
 * while still reading the decoy token. With {@code timesInput} the penalised quantity is instead
 * each token's first-order contribution {@code Σ_e x_{n,t,e} · ∂S/∂x_{n,t,e}} (gradient × input),
 * which a learned embedding cannot hide by growing its own norm. Training runs in {@link Trainer} with this
 * objective as its step ({@link #objective}): seeded shuffling, one optimizer step per batch, exact double
 * backpropagation; {@link #fit} trains an already built model on an example set, as its test compares.
 */
final class PerDimensionTokenPenalty {

    private PerDimensionTokenPenalty() {
    }

    /**
     * Trains {@code model} in place on a token example set with relevance masks: the {@link Trainer}'s
     * loop (seeded shuffling, one optimizer step per batch) with this penalty as the batch objective.
     */
    static void fit(Sequential model, ExampleSet train, Optimizer optimizer, int epochs, int batchSize, long seed,
                    double lambda, ExplanationPenalty.Target target, boolean timesInput) {
        if (!model.takesTokenIds() || !train.hasRelevance()) {
            throw new IllegalArgumentException("the per-dimension token penalty needs a token model and masks");
        }
        new Trainer(new TrainingConfig(epochs, batchSize, seed, true, null), optimizer,
                objective(lambda, target, timesInput))
                .fit(model, train, null, TrainingListener.NONE, CancellationToken.NONE);
    }

    /**
     * This penalty as the {@link Trainer}'s batch objective (cross-entropy plus the penalty), for a
     * training run that hands it to the trainer, as {@code experiment decoy-text} does through the
     * training workflow. Batches must carry token masks.
     */
    static Trainer.Step objective(double lambda, ExplanationPenalty.Target target, boolean timesInput) {
        return (m, batch, context) -> step(m, batch, context, lambda, target, timesInput);
    }

    private static StepResult step(Sequential model, Batch batch, ForwardContext context, double lambda,
                                   ExplanationPenalty.Target target, boolean timesInput) {
        Map<String, Tensor> params = model.parameters();
        try (GradientTape tape = GradientTape.open()) {
            InputStage stage = InputStage.of(model, batch.input(), context);
            Tensor logits;
            Tensor g;
            try (GradientTape inner = GradientTape.open()) {
                inner.watch(stage.embedded());
                logits = stage.logits(model, stage.embedded(), context);
                g = inner.gradient(ExplanationPenalty.explainedScalar(logits, target), stage.embedded());
            }
            long[] s = g.shape();
            Tensor penalty;
            if (timesInput) {
                // first-order contribution of each token: Σ_e x_{t,e} ∂S/∂x_{t,e}
                Tensor contribution = Ops.sum(Ops.mul(g, stage.embedded()), false, 2);
                Tensor irrelevant = Tensor.constant(batch.relevance().value().castTo(g.dtype()).rsub(1.0));
                penalty = Ops.mulScalar(Ops.sum(Ops.square(Ops.mul(contribution, irrelevant)), false), lambda);
            } else {
                Tensor irrelevant = Tensor.constant(batch.relevance().value().castTo(g.dtype()).rsub(1.0)
                        .reshape(s[0], s[1], 1));
                penalty = Ops.mulScalar(Ops.sum(Ops.square(Ops.mul(g, irrelevant)), false), lambda);
            }
            Tensor ce = Losses.softmaxCrossEntropy(logits, batch.labels());
            Tensor loss = Ops.add(ce, penalty);
            List<Tensor> out = tape.gradient(loss, new ArrayList<>(params.values()), UnconnectedGradients.ZERO);
            Map<String, Tensor> grads = new LinkedHashMap<>();
            int i = 0;
            for (String name : params.keySet()) {
                grads.put(name, out.get(i++));
            }
            int[] predicted = ExplanationPenalty.argmax(logits);
            int correct = 0;
            for (int k = 0; k < predicted.length; k++) {
                correct += predicted[k] == batch.labels()[k] ? 1 : 0;
            }
            return new StepResult(loss.item(), ce.item(), penalty.item(), correct, batch.size(), grads);
        }
    }
}
