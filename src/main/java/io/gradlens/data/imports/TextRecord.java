package io.gradlens.data.imports;

/**
 * One record of a labelled text file after its fields were checked.
 *
 * @param line  1-based line where the record starts
 * @param text  the text (not blank)
 * @param label the raw label, before it becomes a class index
 * @param mask  one relevance value in [0, 1] per token, or null
 * @param test  true/false from the split column, or null when the record has none
 */
record TextRecord(long line, String text, String label, float[] mask, Boolean test) {
}
