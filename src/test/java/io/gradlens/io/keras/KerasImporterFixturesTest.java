package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gradlens.autodiff.GradientTape;
import io.gradlens.autodiff.NnOps;
import io.gradlens.autodiff.Ops;
import io.gradlens.autodiff.Tensor;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.ForwardContext;
import io.gradlens.nn.Sequential;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Imported models reproduce what the recorded fixtures say: the outputs TF.js (generated models,
 * real Keras 2 files) or Keras itself (the {@code predictions/} companion files) computed, to 1e-5,
 * and TF.js' input gradients, taken with GradLens' own {@link GradientTape}, to 1e-4.
 */
class KerasImporterFixturesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final double OUTPUT_TOLERANCE = 1e-5;
    static final double GRADIENT_TOLERANCE = 1e-4;

    static INDArray array(JsonNode node, DataType dtype) {
        JsonNode shapeNode = node.get("shape");
        long[] shape = new long[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = shapeNode.get(i).asLong();
        }
        double[] v = new double[node.get("data").size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = node.get("data").get(i).asDouble();
        }
        return Nd4j.create(v, shape, 'c').castTo(dtype);
    }

    static double maxAbs(INDArray expected, INDArray actual) {
        assertArrayEquals(expected.shape(), actual.shape());
        return Transforms.maxAbsDiff(expected, actual);
    }

    /** Differences without ND4J broadcasting surprises: both flattened to double. */
    static final class Transforms {
        static double maxAbsDiff(INDArray a, INDArray b) {
            double[] x = a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            double[] y = b.castTo(DataType.DOUBLE).dup('c').data().asDouble();
            assertEquals(x.length, y.length);
            double m = 0;
            for (int i = 0; i < x.length; i++) {
                m = Math.max(m, Math.abs(x[i] - y[i]));
            }
            return m;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"embedding_lstm", "embedding_gru", "embedding_gru_reset_after", "simplernn_sequences",
        "conv2d_mnistlike", "conv1d_functional", "bidirectional_lstm"})
    void generatedModelsReproduceOutputsAndGradients(String model) throws IOException {
        JsonNode expected = JSON.readTree(Fixtures.generated(model, "expected.json").toFile());
        for (String file : List.of("model.json", "model.h5", "model.keras")) {
            Path path = Fixtures.generated(model, file);
            Classifier c = KerasImporter.importFile(path, KerasImporter.Options.defaults()).model();
            assertEquals(Classifier.Head.SOFTMAX, c.head(), file);
            boolean ids = "int32".equals(expected.get("input").get("dtype").asText());
            INDArray x = array(expected.get("input"), ids ? DataType.INT : DataType.FLOAT);
            INDArray out = c.outputs(Tensor.constant(x));
            double outErr = maxAbs(array(expected.get("output"), DataType.FLOAT), out);

            JsonNode g = expected.get("gradient");
            int[] argmax = new int[g.get("argmax").size()];
            for (int i = 0; i < argmax.length; i++) {
                argmax[i] = g.get("argmax").get(i).asInt();
            }
            boolean embedded = "embedding_output".equals(g.get("wrt").asText());
            Sequential net = c.network();
            if (embedded) {
                // The embedding output GradLens computes is the one TF.js differentiated at.
                Tensor emb = net.forward(Tensor.constant(x), ForwardContext.inference(), 0, 1);
                assertTrue(maxAbs(array(g.get("at"), DataType.FLOAT), emb.value()) < OUTPUT_TOLERANCE, file);
            }
            Tensor at = Tensor.constant(embedded ? array(g.get("at"), DataType.FLOAT) : x);
            INDArray grad;
            try (GradientTape tape = GradientTape.open()) {
                tape.watch(at);
                Tensor logits = net.forward(at, ForwardContext.inference(), embedded ? 1 : 0, net.layers().size());
                Tensor objective = Ops.sum(NnOps.pick(NnOps.logSoftmax(logits, 1), argmax), false);
                grad = tape.gradient(objective, at).value();
            }
            double gradErr = maxAbs(array(g, DataType.FLOAT), grad);
            System.out.printf(Locale.ROOT, "fixture %-26s %-12s output max abs err %.2e, gradient %.2e%n", model,
                    file, outErr, gradErr);
            assertTrue(outErr < OUTPUT_TOLERANCE, file + " output error " + outErr);
            assertTrue(gradErr < GRADIENT_TOLERANCE, file + " gradient error " + gradErr);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"lstm_seq_hard_sigmoid_rnn_4", "simplernn_seq_rnn_0", "bidirectional_simplernn_rnn_1",
        "lstm_functional_tf_keras_2"})
    void realKeras2FilesReproduceTfjs(String name) throws IOException {
        JsonNode expected = JSON.readTree(Fixtures.real("expected/" + name + ".json").toFile());
        Classifier c = KerasImporter.importFile(Fixtures.real(name + ".h5"), KerasImporter.Options.defaults())
                .model();
        Tensor x = Tensor.constant(array(expected.get("input"), DataType.FLOAT));
        double outErr = maxAbs(array(expected.get("output"), DataType.FLOAT), c.outputs(x));
        // Gradient of sum(model outputs) w.r.t. the input.
        INDArray grad;
        try (GradientTape tape = GradientTape.open()) {
            tape.watch(x);
            Tensor last = c.network().forward(x, ForwardContext.inference());
            Tensor outputs = c.head() == Classifier.Head.SOFTMAX ? NnOps.softmax(last, 1) : last;
            grad = tape.gradient(Ops.sum(outputs, false), x).value();
        }
        double gradErr = maxAbs(array(expected.get("gradient"), DataType.FLOAT), grad);
        System.out.printf(Locale.ROOT, "real %-32s output max abs err %.2e, gradient %.2e%n", name, outErr, gradErr);
        assertTrue(outErr < OUTPUT_TOLERANCE, name + " output error " + outErr);
        assertTrue(gradErr < GRADIENT_TOLERANCE, name + " gradient error " + gradErr);
    }

    @Test
    void realConv1dReproducesKerasPredictions() {
        Classifier c = KerasImporter.importFile(Fixtures.real("conv1d_k2_s1_d1_cl_valid_model.h5"),
                KerasImporter.Options.defaults()).model();
        H5Arrays io = H5Arrays.read(Fixtures.real("conv1d_k2_s1_d1_cl_valid_inputs_and_outputs.h5"));
        double err = maxAbs(array(io.get("predictions/conv0")), c.outputs(Tensor.constant(array(
                io.get("inputs/conv0_input")))));
        System.out.printf(Locale.ROOT, "real conv1d_k2_s1_d1_cl_valid: output max abs err %.2e%n", err);
        assertEquals(Classifier.Head.LINEAR, c.head());
        assertTrue(err < OUTPUT_TOLERANCE, "error " + err);
    }

    @Test
    void realSimpleRnnReproducesKerasPredictions() {
        Classifier c = KerasImporter.importFile(Fixtures.real("simple_rnn_tf_keras_2_model.h5"),
                KerasImporter.Options.defaults()).model();
        H5Arrays io = H5Arrays.read(Fixtures.real("simple_rnn_tf_keras_2_inputs_and_outputs.h5"));
        double err = maxAbs(array(io.get("predictions/dense_1")), c.outputs(Tensor.constant(array(
                io.get("inputs/simple_rnn_1_input")))));
        System.out.printf(Locale.ROOT, "real simple_rnn_tf_keras_2: output max abs err %.2e%n", err);
        assertTrue(err < OUTPUT_TOLERANCE, "error " + err);
    }

    @Test
    void realFilesWithoutExpectedOutputsImport() {
        Classifier cnn = KerasImporter.importFile(Fixtures.real("cnn1d_flatten_tf_keras2.h5"),
                KerasImporter.Options.defaults()).model();
        // Dense(1, sigmoid) head: two logits [0, z].
        assertEquals(List.of("conv1d", "conv1d", "conv1d", "flatten", "dropout", "dense", "dropout", "dense",
                "binary_logits"), cnn.network().layers().stream().map(l -> l.type()).toList());
        assertEquals(List.of("0", "1"), cnn.classNames());
        assertEquals(Classifier.Head.SOFTMAX, cnn.head());
        Classifier lstm = KerasImporter.importFile(Fixtures.real("simple_lstm_tf_keras_2_model.h5"),
                KerasImporter.Options.defaults()).model();
        assertEquals("hard_sigmoid", lstm.network().layer(0).config().get("recurrent_activation"));
    }

    static INDArray array(WeightArray w) {
        return Nd4j.create(w.data(), w.shape(), DataType.FLOAT);
    }
}
