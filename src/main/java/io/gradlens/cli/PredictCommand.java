package io.gradlens.cli;

import io.gradlens.nn.Classifier;
import io.gradlens.util.ProgressListener;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.Prediction;
import io.gradlens.workflow.explain.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gradlens predict}: class probabilities for a text, a dataset split or a NumPy batch,
 * computed by the workflow's {@link Predictions} on the examples {@link ExampleSelection} chose.
 */
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
            for (Prediction p : Predictions.ofNpy(classifier, input.source.inputNpy)) {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("index", p.index());
                line.put("outputs", nested(p.outputs()));
                if (classifier.head() == Classifier.Head.SOFTMAX) {
                    addPrediction(line, classifier, p);
                } else if (classifier.head() == Classifier.Head.SIGMOID) {
                    line.put("labels", classifier.classNames());
                }
                print(line);
            }
            return 0;
        }
        for (Prediction p : Predictions.of(classifier, ExplainSupport.select(classifier, input), ProgressListener.NONE,
                Interrupt.token())) {
            Map<String, Object> line = new LinkedHashMap<>();
            if (p.index() >= 0) {
                line.put("index", p.index());
                line.put("label", p.label());
                if (p.label() >= 0 && p.label() < classifier.numClasses()) {
                    line.put("label_class", classifier.classNames().get(p.label()));
                }
            }
            if (p.text() != null) {
                line.put("text", p.text());
                line.put("tokens", p.tokens());
                line.put("token_ids", p.tokenIds());
            }
            if (classifier.head() == Classifier.Head.LINEAR) {
                line.put("outputs", nested(p.outputs()));
            } else {
                addPrediction(line, classifier, p);
            }
            print(line);
        }
        return 0;
    }

    private void print(Map<String, Object> line) {
        spec.commandLine().getOut().println(Json.line(line));
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

    private static void addPrediction(Map<String, Object> line, Classifier classifier, Prediction p) {
        List<Double> list = new ArrayList<>();
        for (double v : p.probabilities()) {
            list.add(v);
        }
        line.put("probabilities", list);
        line.put("predicted", p.predicted());
        line.put("predicted_class", classifier.classNames().get(p.predicted()));
    }
}
