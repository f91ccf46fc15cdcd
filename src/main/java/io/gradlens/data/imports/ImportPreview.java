package io.gradlens.data.imports;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the import dialog shows before anything loads: the file's columns, its first records, a
 * guessed column mapping, how many records each class would get and the problems found.
 *
 * @param columns           header names (CSV/TSV) or keys seen in the first records, dotted for nested (JSONL)
 * @param firstRows         the first records, one value per column (empty string when absent)
 * @param guessed           the mapping {@link ColumnGuess} proposes from the columns
 * @param classCounts       records per class, in the class order the settings would give
 * @param problems          problems with their lines, at most {@link TextImport#MAX_PROBLEMS}
 * @param records           number of records in the file
 * @param problemsTruncated whether more problems were found than listed
 */
public record ImportPreview(List<String> columns, List<List<String>> firstRows, ColumnMapping guessed,
                            Map<String, Long> classCounts, List<ImportProblem> problems, long records,
                            boolean problemsTruncated) {

    /** Copies the collections, keeping the class order. */
    public ImportPreview {
        columns = List.copyOf(columns);
        firstRows = firstRows.stream().map(List::copyOf).toList();
        classCounts = Collections.unmodifiableMap(new LinkedHashMap<>(classCounts));
        problems = List.copyOf(problems);
    }
}
