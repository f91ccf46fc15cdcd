package io.gradlens.workflow.corpus;

import io.gradlens.format.MappedNpy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The merged result of {@code hidden-grad} over a corpus: the means over documents of the hidden
 * state r(h_t), of the gradient curve c[t] and of the T×T map G[t][s] (Bengio, Simard and Frasconi
 * 1994, https://doi.org/10.1109/72.279181), as {@code ShardMerge} wrote them; each document's k rows
 * with the largest c[t]; and the corpus-wide top k. The map and the per-document rows stay mapped
 * ({@link MappedNpy}); the curves and the per-document numbers (a few values per document) are read.
 */
public final class CorpusHiddenState implements CorpusResults {

    private final MergedManifest manifest;
    private final int documents;
    private final double[] stepCount;
    private final double[] meanHidden;
    private final double[] meanCurve;
    private final MappedNpy meanMap;
    private final double[] docIndex;
    private final double[] docLength;
    private final int topK;
    private final double[] topStep;
    private final double[] topCurve;
    private final MappedNpy topRows;
    private final double[] corpusTop;

    /** A document's place in the corpus, its length and its top rows. */
    public record Document(int index, int length, List<TopRow> top) {
        public Document {
            top = List.copyOf(top);
        }
    }

    /**
     * One of the rows with the largest curve value: of a document, or of the corpus.
     *
     * @param document the document's index in the split
     * @param step     the step t of the row
     * @param curve    c[t]
     */
    public record TopRow(int document, int step, double curve) {
    }

    CorpusHiddenState(MergedManifest manifest, MergedArrays arrays) throws IOException {
        this.manifest = manifest;
        this.documents = (int) arrays.read("documents")[0];
        this.stepCount = arrays.read("step_count");
        this.meanHidden = arrays.read("mean_hidden");
        this.meanCurve = arrays.read("mean_curve");
        this.meanMap = arrays.open("mean_map");
        this.docIndex = arrays.read("doc_index");
        this.docLength = arrays.read("doc_length");
        MappedNpy steps = arrays.open("topk_step");
        this.topK = (int) steps.rowLength();
        this.topStep = steps.range(0, Math.toIntExact(steps.size()));
        this.topCurve = arrays.read("topk_curve");
        this.topRows = arrays.open("topk_rows");
        this.corpusTop = arrays.read("corpus_topk");
        int t = meanCurve.length;
        if (documents != manifest.examples() || docIndex.length != documents || docLength.length != documents
                || meanMap.rows() != t || meanMap.rowLength() != t || stepCount.length != t || meanHidden.length != t
                || topCurve.length != topStep.length || topRows.size() != (long) documents * topK * t) {
            throw new IllegalArgumentException(manifest.dir() + ": the merged arrays do not agree with each other ("
                    + documents + " documents, " + t + " steps; merged.json says " + manifest.examples()
                    + " examples)");
        }
    }

    @Override
    public MergedManifest manifest() {
        return manifest;
    }

    @Override
    public int size() {
        return documents;
    }

    /** T, the longest document's steps. */
    public int steps() {
        return meanCurve.length;
    }

    /** k, the rows kept per document. */
    public int topK() {
        return topK;
    }

    /** The number of documents that reach step t, for every t. */
    public double[] stepCount() {
        return stepCount.clone();
    }

    /** The mean hidden state r(h_t) over the documents that reach t. */
    public double[] meanHidden() {
        return meanHidden.clone();
    }

    /** The mean gradient curve c[t] over the documents that reach t. */
    public double[] meanCurve() {
        return meanCurve.clone();
    }

    /** The mean T×T map, mapped: cell (t, s) averages the documents longer than max(t, s). */
    public MappedNpy meanMap() {
        return meanMap;
    }

    /** Document {@code i} in corpus order (its index, length and top rows, largest first). */
    public Document document(int i) {
        List<TopRow> rows = new ArrayList<>(topK);
        for (int j = 0; j < topK; j++) {
            int step = (int) topStep[i * topK + j];
            if (step >= 0) {
                rows.add(new TopRow((int) docIndex[i], step, topCurve[i * topK + j]));
            }
        }
        return new Document((int) docIndex[i], (int) docLength[i], rows);
    }

    /** Every document, in corpus order. */
    public List<Document> documents() {
        List<Document> out = new ArrayList<>(documents);
        for (int i = 0; i < documents; i++) {
            out.add(document(i));
        }
        return out;
    }

    /**
     * Row G[t][·] of document {@code i}'s {@code j}-th top row ({@code length} values), read from the
     * mapped file.
     */
    public double[] topRow(int i, int j) {
        if (j < 0 || j >= topK) {
            throw new IndexOutOfBoundsException("top row " + j + " of " + topK);
        }
        return topRows.range(((long) i * topK + j) * steps(), (int) docLength[i]);
    }

    /** The corpus-wide top k (document, step, c[t]), largest first. */
    public List<TopRow> corpusTop() {
        List<TopRow> out = new ArrayList<>();
        for (int r = 0; r + 2 < corpusTop.length; r += 3) {
            out.add(new TopRow((int) corpusTop[r], (int) corpusTop[r + 1], corpusTop[r + 2]));
        }
        return out;
    }
}
