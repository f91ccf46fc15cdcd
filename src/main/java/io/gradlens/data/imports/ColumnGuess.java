package io.gradlens.data.imports;

import java.util.List;

/**
 * Guesses a {@link ColumnMapping} from a file's columns. For each role the exact default name
 * wins ({@code text}, {@code label}, {@code mask}, {@code id}, {@code split}); otherwise the first
 * column, compared case-insensitively, that is one of the role's synonyms:
 * <ul>
 *   <li>text: {@code text}, {@code review}, {@code sentence}, {@code content}, {@code body}, {@code comment}, {@code document}</li>
 *   <li>label: {@code label}, {@code sentiment}, {@code class}, {@code category}, {@code target}, {@code y}</li>
 *   <li>mask: {@code mask}, {@code rationale}</li>
 *   <li>id: {@code id}, {@code uid}, {@code key}</li>
 *   <li>split: {@code split}, {@code fold}, {@code subset}</li>
 * </ul>
 * A role with no match is absent ({@code null}).
 */
public final class ColumnGuess {

    private static final List<String> TEXT = List.of("text", "review", "sentence", "content", "body", "comment", "document");
    private static final List<String> LABEL = List.of("label", "sentiment", "class", "category", "target", "y");
    private static final List<String> MASK = List.of("mask", "rationale");
    private static final List<String> ID = List.of("id", "uid", "key");
    private static final List<String> SPLIT = List.of("split", "fold", "subset");

    private ColumnGuess() {
    }

    /** The mapping guessed from {@code columns} as described in the class comment. */
    public static ColumnMapping guess(List<String> columns) {
        return new ColumnMapping(pick(columns, TEXT), pick(columns, LABEL), pick(columns, MASK), pick(columns, ID),
                pick(columns, SPLIT));
    }

    private static String pick(List<String> columns, List<String> synonyms) {
        if (columns.contains(synonyms.get(0))) {
            return synonyms.get(0);
        }
        for (String synonym : synonyms) {
            for (String column : columns) {
                String leaf = column.substring(column.lastIndexOf('.') + 1);
                if (leaf.equalsIgnoreCase(synonym)) {
                    return column;
                }
            }
        }
        return null;
    }
}
