package io.gradlens.data;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A regression dataset whose input columns are organised in named groups, so that explainers can
 * report sensitivity per group (e.g. {@code reference} vs {@code features} for {@code price}).
 *
 * @param name         short name
 * @param inputColumns input column names, in the order of the values in each row
 * @param inputGroups  group name → its columns; every input column is in exactly one group
 * @param targetColumn name of the target
 * @param train        training rows
 * @param test         test rows
 * @param info         provenance and license
 */
public record TabularDataset(String name, List<String> inputColumns, Map<String, List<String>> inputGroups,
                             String targetColumn, TabularSplit train, TabularSplit test, DatasetInfo info)
        implements Dataset {

    /** Copies the collections and checks that groups partition the input columns and rows fit. */
    public TabularDataset {
        Objects.requireNonNull(name, "name");
        inputColumns = List.copyOf(inputColumns);
        Map<String, List<String>> groups = new LinkedHashMap<>();
        inputGroups.forEach((group, columns) -> groups.put(group, List.copyOf(columns)));
        inputGroups = Collections.unmodifiableMap(groups);
        Objects.requireNonNull(targetColumn, "targetColumn");
        Objects.requireNonNull(info, "info");
        Set<String> grouped = new HashSet<>();
        for (List<String> columns : inputGroups.values()) {
            for (String column : columns) {
                if (!inputColumns.contains(column) || !grouped.add(column)) {
                    throw new IllegalArgumentException("column " + column + " is unknown or in two groups");
                }
            }
        }
        if (grouped.size() != inputColumns.size()) {
            throw new IllegalArgumentException("every input column must be in a group: " + inputColumns);
        }
        for (TabularSplit split : List.of(train, test)) {
            for (double[] row : split.inputs()) {
                if (row.length != inputColumns.size()) {
                    throw new IllegalArgumentException("row of " + row.length + " values for " + inputColumns.size() + " columns");
                }
            }
        }
    }

    /** Indices into a row of the columns of one group. */
    public int[] groupIndices(String group) {
        List<String> columns = inputGroups.get(group);
        if (columns == null) {
            throw new IllegalArgumentException("no input group " + group + "; groups are " + inputGroups.keySet());
        }
        return columns.stream().mapToInt(inputColumns::indexOf).toArray();
    }

    @Override
    public int trainSize() {
        return train.size();
    }

    @Override
    public int testSize() {
        return test.size();
    }
}
