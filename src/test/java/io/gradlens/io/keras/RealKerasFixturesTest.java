package io.gradlens.io.keras;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every real Keras 2 file copied from the DL4J corpus parses to the expected layers and weight shapes. */
class RealKerasFixturesTest {

    private static List<String> names(KerasModelSpec spec) {
        return spec.layers().stream().map(KerasLayerSpec::name).toList();
    }

    private static List<String> classes(KerasModelSpec spec) {
        return spec.layers().stream().map(KerasLayerSpec::className).toList();
    }

    private static void shape(KerasModelSpec spec, String layer, String param, long... dims) {
        KerasLayerSpec l = spec.layer(layer).orElseThrow();
        WeightArray w = l.weight(param);
        assertTrue(w != null, layer + " has no " + param + "; has " + l.weights().keySet());
        assertArrayEquals(dims, w.shape(), layer + "/" + param);
    }

    @Test
    void conv1dSequentialKeras23() {
        KerasModelSpec spec = KerasModelFiles.read(Fixtures.real("conv1d_k2_s1_d1_cl_valid_model.h5"));
        assertEquals(KerasModelSpec.FORMAT_KERAS2_H5, spec.format());
        assertEquals("2.3.1", spec.kerasVersion());
        assertEquals(List.of("conv0_input", "conv0"), names(spec));
        assertEquals(List.of("InputLayer", "Conv1D"), classes(spec));
        assertEquals(List.of("conv0_input"), spec.inputNames());
        assertEquals(List.of("conv0"), spec.outputNames());
        assertEquals(java.util.Arrays.asList(null, 16, 3), spec.layers().get(0).config().get("batch_input_shape"));
        shape(spec, "conv0", "kernel", 2, 3, 4);
        shape(spec, "conv0", "bias", 4);
        assertEquals("sigmoid", spec.layer("conv0").orElseThrow().stringConfig("activation"));
        assertEquals(List.of("conv0_input"), spec.layer("conv0").orElseThrow().inboundLayers());
    }

    @Test
    void simpleRnnKeras2LegacyListConfig() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("simple_rnn_tf_keras_2_model.h5"));
        assertEquals(List.of("simple_rnn_1_input", "simple_rnn_1", "dense_1"), names(spec));
        assertEquals(List.of("InputLayer", "SimpleRNN", "Dense"), classes(spec));
        shape(spec, "simple_rnn_1", "kernel", 1, 50);
        shape(spec, "simple_rnn_1", "recurrent_kernel", 50, 50);
        shape(spec, "simple_rnn_1", "bias", 50);
        shape(spec, "dense_1", "kernel", 50, 1);
        shape(spec, "dense_1", "bias", 1);
        assertEquals("linear", spec.layer("dense_1").orElseThrow().stringConfig("activation"));
    }

    @Test
    void simpleLstmHardSigmoid() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("simple_lstm_tf_keras_2_model.h5"));
        assertEquals("2.0.6", spec.kerasVersion());
        KerasLayerSpec lstm = spec.layer("lstm_1").orElseThrow();
        assertEquals("hard_sigmoid", lstm.stringConfig("recurrent_activation"));
        assertFalse(spec.hardSigmoidIsKeras3());
        shape(spec, "lstm_1", "kernel", 1, 200);
        shape(spec, "lstm_1", "recurrent_kernel", 50, 200);
        shape(spec, "lstm_1", "bias", 200);
        assertEquals(List.of("kernel", "recurrent_kernel", "bias"), List.copyOf(lstm.weights().keySet()));
    }

    @Test
    void functionalLstm() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("lstm_functional_tf_keras_2.h5"));
        assertEquals(List.of("inputLayer_1", "lstm", "outputLayer_a"), names(spec));
        assertEquals(List.of("inputLayer_1"), spec.inputNames());
        assertEquals(List.of("outputLayer_a"), spec.outputNames());
        shape(spec, "lstm", "kernel", 4, 32);
        shape(spec, "lstm", "recurrent_kernel", 8, 32);
        shape(spec, "lstm", "bias", 32);
        shape(spec, "outputLayer_a", "kernel", 8, 5);
        assertEquals("softmax", spec.layer("outputLayer_a").orElseThrow().stringConfig("activation"));
    }

    @Test
    void lstmReturnSequencesThenActivation() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("lstm_seq_hard_sigmoid_rnn_4.h5"));
        assertEquals(List.of("InputLayer", "LSTM", "Activation"), classes(spec));
        KerasLayerSpec lstm = spec.layer("lstm").orElseThrow();
        assertTrue(lstm.boolConfig("return_sequences", false));
        assertEquals("hard_sigmoid", lstm.stringConfig("recurrent_activation"));
        shape(spec, "lstm", "kernel", 4, 24);
        shape(spec, "lstm", "recurrent_kernel", 6, 24);
        assertEquals("relu", spec.layer("activation_4").orElseThrow().stringConfig("activation"));
        assertTrue(spec.layer("activation_4").orElseThrow().weights().isEmpty());
    }

    @Test
    void simpleRnnSequences() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("simplernn_seq_rnn_0.h5"));
        assertEquals(List.of("input_1", "simple_rnn", "activation"), names(spec));
        shape(spec, "simple_rnn", "kernel", 4, 6);
        shape(spec, "simple_rnn", "recurrent_kernel", 6, 6);
        shape(spec, "simple_rnn", "bias", 6);
    }

    @Test
    void bidirectionalSimpleRnn() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("bidirectional_simplernn_rnn_1.h5"));
        assertEquals("2.2.4-tf", spec.kerasVersion());
        KerasLayerSpec bi = spec.layer("bidirectional").orElseThrow();
        assertEquals("Bidirectional", bi.className());
        assertEquals(List.of("forward/kernel", "forward/recurrent_kernel", "forward/bias",
                "backward/kernel", "backward/recurrent_kernel", "backward/bias"), List.copyOf(bi.weights().keySet()));
        shape(spec, "bidirectional", "forward/kernel", 4, 6);
        shape(spec, "bidirectional", "backward/recurrent_kernel", 6, 6);
        assertEquals("concat", bi.stringConfig("merge_mode"));
        Map<?, ?> inner = (Map<?, ?>) bi.config().get("layer");
        assertEquals("SimpleRNN", inner.get("class_name"));
        // the two directions hold different values
        assertFalse(bi.weight("forward/kernel").equals(bi.weight("backward/kernel")));
    }

    @Test
    void cnn1dFlattenDropoutSequentialKeras21() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("cnn1d_flatten_tf_keras2.h5"));
        assertEquals(List.of("InputLayer", "Conv1D", "Conv1D", "Conv1D", "Flatten", "Dropout", "Dense", "Dropout",
                "Dense"), classes(spec));
        shape(spec, "conv1d_1", "kernel", 3, 100, 128);
        shape(spec, "conv1d_2", "kernel", 3, 128, 64);
        shape(spec, "conv1d_3", "kernel", 3, 64, 32);
        shape(spec, "conv1d_3", "bias", 32);
        shape(spec, "dense_1", "kernel", 14 * 32, 128);
        shape(spec, "dense_2", "kernel", 128, 1);
        assertEquals(List.of("dense_1"), spec.layer("dropout_2").orElseThrow().inboundLayers());
    }

    @Test
    void conv1dWeightValuesMatchPredictionsFile() {
        // The companion file's predictions were computed by Keras from exactly these weights; a plain
        // reference convolution over the parsed weights must reproduce them.
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("conv1d_k2_s1_d1_cl_valid_model.h5"));
        H5Arrays io = H5Arrays.read(Fixtures.real("conv1d_k2_s1_d1_cl_valid_inputs_and_outputs.h5"));
        WeightArray x = io.get("inputs/conv0_input");
        WeightArray expected = io.get("predictions/conv0");
        WeightArray y = ReferenceOps.run(spec, x);
        ReferenceOps.assertClose(expected, y, 1e-5, "conv0");
    }

    @Test
    void simpleRnnWeightValuesMatchPredictionsFile() {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real("simple_rnn_tf_keras_2_model.h5"));
        H5Arrays io = H5Arrays.read(Fixtures.real("simple_rnn_tf_keras_2_inputs_and_outputs.h5"));
        WeightArray y = ReferenceOps.run(spec, io.get("inputs/simple_rnn_1_input"));
        ReferenceOps.assertClose(io.get("predictions/dense_1"), y, 1e-4, "dense_1");
    }

    /**
     * Files without expected outputs of their own: TF.js, loading the same file, recorded outputs and
     * the gradient of sum(outputs) (tools/fixtures, real/expected/*.json). The reference pass over
     * the parsed weights must agree; this pins Keras 2 hard_sigmoid (0.2x + 0.5) and the backward
     * direction of Bidirectional on real files.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lstm_seq_hard_sigmoid_rnn_4", "simplernn_seq_rnn_0",
        "bidirectional_simplernn_rnn_1", "lstm_functional_tf_keras_2"})
    void realFilesAgreeWithTfjs(String name) throws java.io.IOException {
        KerasModelSpec spec = Keras2H5Reader.read(Fixtures.real(name + ".h5"));
        com.fasterxml.jackson.databind.JsonNode expected = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(Fixtures.real("expected/" + name + ".json").toFile());
        ReferenceOps.T x = GeneratedFixturesTest.tensor(expected.get("input"));
        String in = spec.inputNames().get(0);
        String out = spec.outputNames().get(0);
        ReferenceOps.assertClose(GeneratedFixturesTest.tensor(expected.get("output")).toFloat(),
                ReferenceOps.runAll(spec, in, x).get(out).toFloat(), 2e-5, name);
        ReferenceOps.T grad = GeneratedFixturesTest.tensor(expected.get("gradient"));
        double eps = 1e-4;
        for (int i = 0; i < x.v().length; i++) {
            double[] p = x.v().clone();
            double[] m = x.v().clone();
            p[i] += eps;
            m[i] -= eps;
            double fd = (sum(ReferenceOps.runAll(spec, in, new ReferenceOps.T(x.shape(), p)).get(out))
                    - sum(ReferenceOps.runAll(spec, in, new ReferenceOps.T(x.shape(), m)).get(out))) / (2 * eps);
            assertTrue(Math.abs(fd - grad.v()[i]) < 2e-3 * Math.max(1, Math.abs(fd)),
                    name + " gradient[" + i + "]: tfjs " + grad.v()[i] + " vs finite difference " + fd);
        }
    }

    private static double sum(ReferenceOps.T t) {
        double s = 0;
        for (double v : t.v()) {
            s += v;
        }
        return s;
    }
}
