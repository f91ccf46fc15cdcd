package io.gradlens.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which column of a table is the target and how the input columns are grouped.
 *
 * @param targetColumn the target
 * @param inputGroups  group name → columns, in the order the inputs should take
 */
public record TabularSchema(String targetColumn, Map<String, List<String>> inputGroups) {

    /** Copies the groups deeply, keeping their order. */
    public TabularSchema {
        Objects.requireNonNull(targetColumn, "targetColumn");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        inputGroups.forEach((group, columns) -> copy.put(group, List.copyOf(columns)));
        inputGroups = Collections.unmodifiableMap(copy);
    }

    /**
     * The default for a header: the target is {@code target} if present, else the last column;
     * every other column except {@code split} is an input in a group of its own.
     */
    public static TabularSchema defaultFor(List<String> header) {
        List<String> columns = header.stream().filter(c -> !c.equals(TabularCsvReader.SPLIT_COLUMN)).toList();
        if (columns.size() < 2) {
            throw new IllegalArgumentException("a table needs an input and a target column, got " + header);
        }
        String target = columns.contains("target") ? "target" : columns.get(columns.size() - 1);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        columns.stream().filter(c -> !c.equals(target)).forEach(c -> groups.put(c, List.of(c)));
        return new TabularSchema(target, groups);
    }
}
