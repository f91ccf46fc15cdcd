package io.gradlens.app.settings;

import java.util.List;

/**
 * A dataset file the user imported, with the import settings it was read with, as the settings
 * file keeps it: plain strings and numbers, so that an entry written by another version (or edited
 * by hand) still reads. Every field except {@code file} may be {@code null}, meaning "the default";
 * {@code io.gradlens.app.dataimport.SavedImportSettings} turns it into import settings.
 *
 * @param file absolute path of the file
 * @param format table format name ({@code CSV}, {@code TSV}, {@code JSONL})
 * @param delimiter the field delimiter, one character
 * @param textColumn column holding the text
 * @param labelColumn column holding the label
 * @param maskColumn column holding the token mask, or {@code null} for none
 * @param idColumn column holding the record id, or {@code null} for none
 * @param splitColumn column holding {@code train}/{@code test}, or {@code null} for a seeded split
 * @param classes explicit class names in index order (empty: derived from the labels)
 * @param classOrder order of derived class names ({@code SORTED}, {@code FIRST_APPEARANCE})
 * @param lowercase whether tokens are lowercased
 * @param splitPunctuation whether punctuation characters are tokens of their own
 * @param maxTokens most tokens kept of a text (0: no cap)
 * @param testFraction share of records in the test split without a split column
 * @param seed seed of that split
 */
public record RecentDataset(String file, String format, String delimiter, String textColumn,
    String labelColumn, String maskColumn, String idColumn, String splitColumn,
    List<String> classes, String classOrder, Boolean lowercase, Boolean splitPunctuation,
    Integer maxTokens, Double testFraction, Long seed) {

  /** Copies the class list (null: empty). */
  public RecentDataset {
    classes = classes == null ? List.of() : classes.stream()
        .filter(java.util.Objects::nonNull).toList();
  }

  /** @return whether the entry names a file at all (entries without one are dropped on load) */
  public boolean hasFile() {
    return file != null && !file.isBlank();
  }
}
