package io.gradlens.workflow.explain;

import io.gradlens.explain.AttributionTarget;
import io.gradlens.explain.ConfiguredMethod;
import io.gradlens.export.AtomicTextFile;
import io.gradlens.export.AttributionFormat;
import io.gradlens.export.AttributionProvenance;
import io.gradlens.nn.Classifier;
import io.gradlens.util.CancellationToken;
import io.gradlens.util.ProgressListener;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;

/**
 * Explains examples and writes them, as they are explained, in one of the attribution formats
 * with the model's and the method's provenance: the one export of the command line's
 * {@code saliency} and the workbench's dataset saliency export. A file is written to a temporary
 * sibling and moved into place only when every example was written, so a cancelled or failed run
 * leaves the previous file untouched and no temporary file behind.
 *
 * @param model      the model to explain
 * @param modelName  the model's name in the provenance (its file name when it came from a file)
 * @param method     the method with its validated parameters
 * @param target     the explained class
 * @param batchSize  examples per tape pass
 */
public record AttributionExport(Classifier model, String modelName, ConfiguredMethod method,
                                AttributionTarget target, int batchSize) {

    /** The provenance every written example carries. */
    public AttributionProvenance provenance() {
        return new AttributionProvenance(modelName, method.name(), method.parameters());
    }

    /**
     * Explains {@code examples} and writes them to {@code file} atomically.
     *
     * @return the number of examples written
     * @throws CancellationToken.CancelledException when cancelled (the file is then untouched)
     */
    public int toFile(SelectedExamples examples, AttributionFormat format, Path file, ProgressListener progress,
                      CancellationToken cancel) throws IOException {
        try (AtomicTextFile out = AtomicTextFile.create(file)) {
            write(examples, format, out.writer(), progress, cancel);
            cancel.throwIfCancelled();
            out.commit();
        }
        return examples.size();
    }

    /** Explains {@code examples} and streams them to {@code out} (not closed). */
    public void write(SelectedExamples examples, AttributionFormat format, Writer out, ProgressListener progress,
                      CancellationToken cancel) throws IOException {
        AttributionProvenance provenance = provenance();
        format.begin(out, provenance);
        DatasetAttribution.explain(model, examples, method.build(model), target, batchSize,
                record -> format.write(out, record, provenance), progress, cancel);
        format.end(out);
        out.flush();
    }
}
