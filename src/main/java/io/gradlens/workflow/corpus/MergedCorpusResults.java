package io.gradlens.workflow.corpus;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Opens the merged result of a corpus job folder for the command line and the workbench alike:
 * checks {@code merged.json} ({@link MergedManifest}), then maps the job's arrays. Nothing is
 * recomputed and no array larger than a per-document vector is read into the heap.
 */
public final class MergedCorpusResults {

    private MergedCorpusResults() {
    }

    /**
     * The merged result in {@code dir}.
     *
     * @throws IllegalArgumentException for a folder that is not a merged result (naming it, and what
     *     to run), an array missing or of another shape, or a job without a corpus view
     *     ({@code influence-index})
     */
    public static CorpusResults open(Path dir) throws IOException {
        MergedManifest manifest = MergedManifest.read(dir);
        MergedArrays arrays = new MergedArrays(manifest);
        return switch (manifest.request().job()) {
            case "hidden-grad" -> new CorpusHiddenState(manifest, arrays);
            case "saliency" -> new CorpusSaliency(manifest, arrays);
            default -> throw new IllegalArgumentException(manifest.dir() + " holds a merged "
                    + manifest.request().job() + " result; corpus results open the merged hidden-grad and saliency jobs");
        };
    }
}
