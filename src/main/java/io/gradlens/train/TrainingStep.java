package io.gradlens.train;

import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.InputStage;
import io.gradlens.nn.Sequential;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One forward and backward pass of a classifier on one batch, with the optional explanation
 * penalty. With λ = 0 the gradients are exactly those of plain cross-entropy training; the
 * saliency loss is then still measured (for the metrics) but never enters the gradient.
 */
public final class TrainingStep {

    private TrainingStep() {
    }

    /**
     * Computes loss parts and, if {@code withGradients}, the weight gradients.
     *
     * @param penalty null for plain training
     */
    public static StepResult run(Sequential model, Batch batch, ExplanationPenalty penalty, ForwardContext context,
                                 boolean withGradients) {
        boolean measureSaliency = penalty != null && batch.relevance() != null;
        boolean penalised = measureSaliency && penalty.lambda() > 0;
        Map<String, Tensor> params = model.parameters();
        try (GradientTape tape = GradientTape.open()) {
            Tensor logits;
            Tensor saliencyLoss = null;
            if (measureSaliency) {
                InputStage stage = InputStage.of(model, batch.input(), context);
                Tensor saliency;
                try (GradientTape inner = GradientTape.open()) {
                    inner.watch(stage.embedded());
                    logits = stage.logits(model, stage.embedded(), context);
                    // The inner tape stays open until the explained scalar (log-softmax and sum of the
                    // logits) is recorded: closing it first disconnects that scalar from the input.
                    if (penalised) {
                        saliency = ExplanationPenalty.saliency(inner, logits, stage.embedded(), penalty.target(),
                                model.takesTokenIds());
                    } else {
                        try (AutoCloseable paused = tape.stopRecording()) {
                            saliency = ExplanationPenalty.saliency(inner, logits, stage.embedded(), penalty.target(),
                                    model.takesTokenIds());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                saliencyLoss = penalty.value(saliency, batch.relevance());
            } else {
                logits = model.forward(batch.input(), context);
            }
            Tensor ce = Losses.softmaxCrossEntropy(logits, batch.labels());
            Tensor loss = penalised ? Ops.add(ce, saliencyLoss) : ce;
            int correct = countCorrect(logits, batch.labels());
            Map<String, Tensor> grads = null;
            if (withGradients) {
                List<Tensor> sources = new ArrayList<>(params.values());
                List<Tensor> g = tape.gradient(loss, sources, io.gradlens.autodiff.UnconnectedGradients.ZERO);
                grads = new LinkedHashMap<>();
                int i = 0;
                for (String name : params.keySet()) {
                    grads.put(name, g.get(i++));
                }
            }
            double sal = saliencyLoss == null ? Double.NaN : saliencyLoss.item();
            return new StepResult(ce.item() + (penalised ? sal : 0.0), ce.item(), sal, correct, batch.size(), grads);
        }
    }

    static int countCorrect(Tensor logits, int[] labels) {
        int[] predicted = ExplanationPenalty.argmax(logits);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (predicted[i] == labels[i]) {
                correct++;
            }
        }
        return correct;
    }
}
