package io.gradlens.train;

import static io.gradlens.autodiff.GradientCheck.assertClose;

import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Embedding;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The RRR-penalised training step (double backpropagation through a recurrent layer): its weight
 * gradients against central finite differences of the step's loss, float64.
 */
class PenalisedStepGradientTest {

    private static void check(String type, Map<String, Object> config) {
        Sequential model = Sequential.builder(new long[] {-1}, DataType.DOUBLE, 5)
                .add("embedding", Map.of("input_dim", 9, "output_dim", 3))
                .add(type, config)
                .add("dense", Map.of("units", 2))
                .build();
        Tensor ids = Embedding.ids(new int[][] {{3, 4, 5, 1}, {6, 7, 8, 2}});
        Tensor relevance = Tensor.of(new double[] {1, 0, 1, 0, 0, 1, 0, 0}, 2, 4);
        Batch batch = new Batch(ids, new int[] {0, 1}, relevance);
        ExplanationPenalty penalty = new ExplanationPenalty(1.0, ExplanationPenalty.Target.MAX_LOG_PROB);
        StepResult step = TrainingStep.run(model, batch, penalty, ForwardContext.training(new Random(0)), true);
        for (Map.Entry<String, Tensor> e : model.parameters().entrySet()) {
            if (e.getKey().endsWith("embeddings")) {
                continue; // 27 rows, most unused: covered by the other weights' check
            }
            INDArray flat = e.getValue().value().reshape(e.getValue().length());
            INDArray numeric = flat.ulike();
            double eps = 1e-5;
            for (long k = 0; k < flat.length(); k++) {
                double orig = flat.getDouble(k);
                flat.putScalar(k, orig + eps);
                double plus = TrainingStep.run(model, batch, penalty, ForwardContext.training(new Random(0)), false).loss();
                flat.putScalar(k, orig - eps);
                double minus = TrainingStep.run(model, batch, penalty, ForwardContext.training(new Random(0)), false).loss();
                flat.putScalar(k, orig);
                numeric.putScalar(k, (plus - minus) / (2 * eps));
            }
            assertClose(type + " penalised " + e.getKey(), step.gradients().get(e.getKey()).value(),
                    numeric.reshape(e.getValue().shape()));
        }
    }

    @Test
    void lstm() {
        check("lstm", Map.of("units", 3));
    }

    @Test
    void gruAndSimpleRnn() {
        check("gru", Map.of("units", 2));
        check("simple_rnn", Map.of("units", 2));
    }
}
