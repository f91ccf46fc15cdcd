package io.gradlens.cli;

import io.gradlens.autodiff.Tensor;
import io.gradlens.data.Dataset;
import io.gradlens.data.ImageDataset;
import io.gradlens.data.ImageSplit;
import io.gradlens.data.TextDataset;
import io.gradlens.data.TextExample;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.InputSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gradlens predict}: class probabilities for a text or for a dataset split. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Predict with a model: one JSON line per example with tokens, token ids (text), "
                + "probabilities and the predicted class.")
public final class PredictCommand implements Callable<Integer> {

    @Mixin
    ModelInputOptions input;

    @Option(names = "--format", defaultValue = "json", description = "json (one object per line).")
    String format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!"json".equals(format)) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; predict writes json");
        }
        Classifier classifier = input.classifier("predict");
        if (input.source.inputNpy != null) {
            printOutputs(classifier, io.gradlens.io.NpyInputs.read(input.source.inputNpy, classifier));
            return 0;
        }
        if (input.source.text != null) {
            print(classifier, input.source.text, null, -1);
            return 0;
        }
        Dataset data = DatasetArgument.load(input.source.dataset, input.seed);
        if (!"train".equals(input.split) && !"test".equals(input.split)) {
            throw new IllegalArgumentException("--split must be train or test, got '" + input.split + "'");
        }
        if (data instanceof TextDataset text) {
            classifier.tokens();
            List<TextExample> examples = "train".equals(input.split) ? text.train() : text.test();
            int n = input.limit > 0 ? Math.min(input.limit, examples.size()) : examples.size();
            for (int i = 0; i < n; i++) {
                print(classifier, examples.get(i).text(), examples.get(i).label(), i);
            }
            return 0;
        }
        if (data instanceof ImageDataset images) {
            if (!(classifier.input() instanceof InputSpec.Image img) || img.height() != images.height()
                    || img.width() != images.width() || img.channels() != images.channels()) {
                throw new IllegalArgumentException("the model reads " + classifier.describeInput() + " but dataset '"
                        + data.name() + "' has images " + images.height() + "x" + images.width() + "x"
                        + images.channels());
            }
            ImageSplit s = "train".equals(input.split) ? images.train() : images.test();
            int n = input.limit > 0 ? Math.min(input.limit, s.size()) : s.size();
            for (int from = 0; from < n; from += 256) {
                int to = Math.min(n, from + 256);
                float[] flat = new float[(to - from) * img.size()];
                for (int i = from; i < to; i++) {
                    System.arraycopy(s.pixels()[i], 0, flat, (i - from) * img.size(), img.size());
                }
                INDArray probs = classifier.probabilities(Tensor.constant(Nd4j.create(flat,
                        new long[] {to - from, img.height(), img.width(), img.channels()}, 'c')));
                for (int i = from; i < to; i++) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("index", i);
                    line.put("label", s.labels()[i]);
                    addPrediction(line, classifier, probs.getRow(i - from));
                    spec.commandLine().getOut().println(Json.line(line));
                }
            }
            return 0;
        }
        throw new IllegalArgumentException("dataset '" + data.name() + "' is tabular; predict reads text and images");
    }

    private void print(Classifier classifier, String text, Integer label, int index) {
        List<String> tokens = classifier.tokens().tokens(text);
        int[] ids = classifier.tokens().vocabulary().encode(tokens);
        INDArray probs = classifier.outputs(Tensor.constant(Nd4j.createFromArray(new int[][] {ids})));
        Map<String, Object> line = new LinkedHashMap<>();
        if (index >= 0) {
            line.put("index", index);
            line.put("label", label);
        }
        line.put("text", text);
        line.put("tokens", tokens);
        line.put("token_ids", ids);
        if (classifier.head() == Classifier.Head.LINEAR) {
            line.put("outputs", nested(probs.slice(0)));
        } else {
            addPrediction(line, classifier, probs.getRow(0));
        }
        spec.commandLine().getOut().println(Json.line(line));
    }

    /**
     * One line per example: its outputs (nested lists for multi-dimensional outputs) and, for
     * classifiers, the prediction.
     */
    private void printOutputs(Classifier classifier, Tensor batch) {
        INDArray outputs = classifier.outputs(batch);
        for (int i = 0; i < outputs.size(0); i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("index", i);
            INDArray row = outputs.slice(i);
            line.put("outputs", nested(row));
            if (classifier.head() == Classifier.Head.SOFTMAX) {
                addPrediction(line, classifier, row);
            } else if (classifier.head() == Classifier.Head.SIGMOID) {
                line.put("labels", classifier.classNames());
            }
            spec.commandLine().getOut().println(Json.line(line));
        }
    }

    private static Object nested(INDArray a) {
        if (a.rank() <= 1) {
            List<Double> list = new ArrayList<>();
            for (double v : a.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).dup('c').data().asDouble()) {
                list.add(v);
            }
            return a.rank() == 0 ? list.get(0) : list;
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < a.size(0); i++) {
            out.add(nested(a.slice(i)));
        }
        return out;
    }

    private static void addPrediction(Map<String, Object> line, Classifier classifier, INDArray probs) {
        double[] p = probs.castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector();
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        List<Double> list = new ArrayList<>();
        for (double v : p) {
            list.add(v);
        }
        line.put("probabilities", list);
        line.put("predicted", best);
        line.put("predicted_class", classifier.classNames().get(best));
    }
}
