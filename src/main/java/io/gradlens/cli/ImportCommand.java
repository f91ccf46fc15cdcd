package io.gradlens.cli;

import io.gradlens.io.ModelBundle;
import io.gradlens.io.keras.KerasImporter;
import io.gradlens.nn.Classifier;
import io.gradlens.nn.Layer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gradlens import}: a Keras / TensorFlow.js model file to a {@code .gradlens} bundle. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import a Keras 2 .h5, Keras 3 .keras or TensorFlow.js model.json model into a .gradlens "
                + "bundle. Nothing in the file is executed; unsupported layers are refused by name.")
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "The model file (.h5, .keras or model.json).")
    Path in;

    @Option(names = "--out", required = true, description = "The .gradlens bundle to write.")
    Path out;

    @Option(names = "--vocab", description = "For text models: the Keras tokenizer JSON (tokenizer.to_json()) or a "
            + "word list (line i = id i; line 1 padding, line 2 the OOV token).")
    Path vocab;

    @Option(names = "--classes", split = ",", description = "Class names, comma-separated (default class_0, …; "
            + "0,1 for a single sigmoid output).")
    List<String> classes;

    @Option(names = "--logits", description = "The model's final linear outputs are class logits (trained with "
            + "from_logits=True): treat it as a classifier.")
    boolean logits;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!out.getFileName().toString().endsWith(ModelBundle.EXTENSION)) {
            throw new IllegalArgumentException("--out must end with " + ModelBundle.EXTENSION + ", got " + out);
        }
        KerasImporter.Result result = KerasImporter.importFile(in, vocab, classes, logits);
        Classifier model = result.model();
        ModelBundle.write(model, out);
        PrintWriter w = spec.commandLine().getOut();
        w.println("imported " + in.getFileName() + " (" + model.provenance().get("format") + ", Keras "
                + model.provenance().get("keras_version") + ") into " + out);
        w.println("input: " + model.describeInput() + ", shape " + Arrays.toString(model.network().inputShape()));
        for (Layer l : model.network().layers()) {
            w.println("  " + l.name() + " (" + l.type() + ")");
        }
        w.println("head: " + model.head().fileName() + (model.classNames().isEmpty() ? ""
                : ", outputs " + model.classNames()));
        for (String note : result.notes()) {
            w.println("note: " + note);
        }
        return 0;
    }
}
