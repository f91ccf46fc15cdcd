package io.gradlens.cli;

import io.gradlens.data.Dataset;
import io.gradlens.explain.AttributionInputs;
import io.gradlens.explain.AttributionTarget;
import io.gradlens.export.AtomicTextFile;
import io.gradlens.nn.Classifier;
import io.gradlens.workflow.explain.ExampleSelection;
import io.gradlens.workflow.explain.SelectedExamples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Option glue the explanation commands share: examples from {@code --text}, {@code --dataset} or
 * {@code --input-npy} (chosen and checked by {@link ExampleSelection}), {@code --target}, output
 * files and {@code --format}.
 */
final class ExplainSupport {

    private ExplainSupport() {
    }

    /** The examples {@link ModelInputOptions} name, checked against the model. */
    static SelectedExamples select(Classifier model, ModelInputOptions input) throws IOException {
        ModelInputOptions.Source src = input.source;
        if (src.text != null) {
            return ExampleSelection.text(model, src.text);
        }
        if (src.inputNpy != null) {
            return ExampleSelection.npy(model, src.inputNpy);
        }
        return ExampleSelection.split(model, DatasetArgument.load(src.dataset, input.seed, input.datasetOptions, model), input.split, input.limit);
    }

    /** Selected examples as the sanity, sensitivity and hidden-grad commands read them. */
    record Examples(SelectedExamples selected) {
        AttributionInputs inputs() {
            return selected.inputs();
        }

        int size() {
            return selected.size();
        }
    }

    /** The first {@code limit} examples of a split, chosen by {@link ExampleSelection}. */
    static Examples fromDataset(Classifier model, Dataset data, String split, int limit) {
        return new Examples(ExampleSelection.split(model, data, split, limit));
    }

    /** {@code predicted}, a class index, or a class name. */
    static AttributionTarget target(String spec, Classifier model) {
        if (spec == null || spec.equals("predicted")) {
            return AttributionTarget.predicted();
        }
        int byName = model.classNames().indexOf(spec);
        if (byName >= 0) {
            return AttributionTarget.of(byName);
        }
        try {
            int k = Integer.parseInt(spec);
            if (k < 0 || k >= model.numClasses()) {
                throw new IllegalArgumentException("--target " + k + " is out of range: the model has "
                        + model.numClasses() + " classes " + model.classNames());
            }
            return AttributionTarget.of(k);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--target must be 'predicted', a class index or a class name "
                    + model.classNames() + ", got '" + spec + "'");
        }
    }

    /**
     * A writer to {@code out} (atomic: the file is replaced when the writer closes, see
     * {@link CommittingWriter}), or to standard output when {@code out} is null (not closed then).
     */
    static Writer open(Path out, PrintWriter stdout) throws IOException {
        if (out == null) {
            return new Writer() {
                @Override
                public void write(char[] buf, int off, int len) {
                    stdout.write(buf, off, len);
                }

                @Override
                public void flush() {
                    stdout.flush();
                }

                @Override
                public void close() {
                    stdout.flush();
                }
            };
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IllegalArgumentException("cannot write " + out + ": the folder " + parent + " does not exist");
        }
        return new CommittingWriter(AtomicTextFile.create(out));
    }

    /**
     * The writer {@link #open} gives for a file: an {@link AtomicTextFile} that {@link #close()}
     * commits unless a write failed (then it discards, and the previous file stays). The commands
     * compute their whole output before they open it, so the only failures between opening and
     * closing are the writes themselves.
     */
    private static final class CommittingWriter extends Writer {
        private final AtomicTextFile file;
        private boolean failed;

        CommittingWriter(AtomicTextFile file) {
            this.file = file;
        }

        @Override
        public void write(char[] buf, int off, int len) throws IOException {
            try {
                file.writer().write(buf, off, len);
            } catch (IOException | RuntimeException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public void flush() throws IOException {
            file.writer().flush();
        }

        @Override
        public void close() throws IOException {
            try (file) {
                if (!failed) {
                    file.commit();
                }
            }
        }
    }

    /** Checks a --format against the allowed ones. */
    static String format(String format, String... allowed) {
        for (String a : allowed) {
            if (a.equals(format)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown --format '" + format + "'; use " + String.join(", ", allowed));
    }
}
