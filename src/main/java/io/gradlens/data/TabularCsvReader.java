package io.gradlens.data;

import io.gradlens.data.imports.TableFormat;
import io.gradlens.data.imports.TableRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a numeric CSV/TSV table into a {@link TabularDataset}, streaming its records
 * ({@link TableRecords}): a header, then one row of finite numbers per record in the chosen input
 * and target columns (other columns are ignored); an optional {@code split} column
 * ({@code train}/{@code test}) fixes the split, otherwise a seeded random 20 % of the rows is the
 * test set.
 */
public final class TabularCsvReader {

    /** The optional split column. */
    public static final String SPLIT_COLUMN = "split";

    private TabularCsvReader() {
    }

    /** Reads {@code file} with {@code schema} (or {@link TabularSchema#defaultFor} its header when null). */
    public static TabularDataset read(Path file, TabularSchema schema, String name, DatasetInfo info, long seed,
                                      ReadLimits limits) throws IOException {
        TableFormat format = TableFormat.ofPath(file);
        if (format == null || format == TableFormat.JSONL) {
            throw DatasetFormatException.inFile(file, "a table must be .csv or .tsv (optionally .gz)");
        }
        return read(file, format.defaultDelimiter(), schema, name, info, seed, limits);
    }

    /**
     * Reads {@code file} with fields split at {@code delimiter} and the columns chosen as
     * {@link TabularSchema#choose} does.
     *
     * @param inputs chosen input columns, or empty for all but the target and {@code split}
     * @param target chosen target column, or null
     */
    public static TabularDataset read(Path file, char delimiter, List<String> inputs, String target, String name,
                                      DatasetInfo info, long seed, ReadLimits limits) throws IOException {
        return read(file, delimiter, new Rows(file, null, List.copyOf(inputs), target), name, info, seed, limits);
    }

    private static TabularDataset read(Path file, char delimiter, TabularSchema schema, String name, DatasetInfo info,
                                       long seed, ReadLimits limits) throws IOException {
        return read(file, delimiter, new Rows(file, schema, List.of(), null), name, info, seed, limits);
    }

    private static TabularDataset read(Path file, char delimiter, Rows rows, String name, DatasetInfo info,
                                       long seed, ReadLimits limits) throws IOException {
        TableFormat format = TableFormat.ofPath(file) == TableFormat.TSV ? TableFormat.TSV : TableFormat.CSV;
        TableRecords.read(file, format, delimiter, limits, rows);
        if (rows.targets.isEmpty()) {
            throw DatasetFormatException.inFile(file, "has a header but no records");
        }
        int n = rows.targets.size();
        double[][] x = rows.inputs.toArray(double[][]::new);
        double[] y = rows.targets.stream().mapToDouble(Double::doubleValue).toArray();
        boolean[] test = new boolean[n];
        if (rows.hasSplit) {
            for (int i = 0; i < n; i++) {
                test[i] = rows.test.get(i);
            }
        } else {
            test = StratifiedSplit.testMask(new int[n], 0.2, seed);
        }
        TabularSchema effective = rows.schema;
        return new TabularDataset(name, rows.columns, effective.inputGroups(), effective.targetColumn(),
                select(x, y, test, false), select(x, y, test, true), info);
    }

    /** Collects the numbers of each record as it streams by. */
    private static final class Rows implements TableRecords.Visitor {
        private final Path file;
        private final List<String> chosenInputs;
        private final String chosenTarget;
        private TabularSchema schema;
        private List<String> columns;
        private boolean hasSplit;
        private final List<double[]> inputs = new ArrayList<>();
        private final List<Double> targets = new ArrayList<>();
        private final List<Boolean> test = new ArrayList<>();

        Rows(Path file, TabularSchema schema, List<String> chosenInputs, String chosenTarget) {
            this.file = file;
            this.schema = schema;
            this.chosenInputs = chosenInputs;
            this.chosenTarget = chosenTarget;
        }

        @Override
        public void header(List<String> header) {
            if (schema == null) {
                try {
                    schema = TabularSchema.choose(header, chosenInputs, chosenTarget);
                } catch (IllegalArgumentException e) {
                    throw DatasetFormatException.atLine(file, 1, e.getMessage());
                }
            }
            columns = schema.inputGroups().values().stream().flatMap(List::stream).toList();
            List<String> needed = new ArrayList<>(columns);
            needed.add(schema.targetColumn());
            for (String column : needed) {
                if (!header.contains(column)) {
                    throw DatasetFormatException.atLine(file, 1, "header has no \"" + column + "\" column; columns are "
                            + header);
                }
            }
            hasSplit = header.contains(SPLIT_COLUMN) && !needed.contains(SPLIT_COLUMN);
        }

        @Override
        public void record(TableRow row) {
            double[] values = new double[columns.size()];
            for (int c = 0; c < values.length; c++) {
                values[c] = number(file, row, columns.get(c));
            }
            double target = number(file, row, schema.targetColumn());
            if (hasSplit) {
                String split = row.get(SPLIT_COLUMN);
                if (!split.equals("train") && !split.equals("test")) {
                    throw DatasetFormatException.atLine(file, row.line(), "split \"" + split + "\" is not train or test");
                }
                test.add(split.equals("test"));
            }
            inputs.add(values);
            targets.add(target);
        }

        @Override
        public void badRecord(DatasetFormatException problem) {
            throw problem;
        }
    }

    private static double number(Path file, TableRow row, String column) {
        String raw = row.get(column);
        try {
            double value = Double.parseDouble(raw.trim());
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw DatasetFormatException.atLine(file, row.line(), column + " \"" + raw + "\" is not a finite number");
    }

    private static TabularSplit select(double[][] x, double[] y, boolean[] test, boolean wanted) {
        List<double[]> rows = new ArrayList<>();
        List<Double> targets = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if (test[i] == wanted) {
                rows.add(x[i]);
                targets.add(y[i]);
            }
        }
        return new TabularSplit(rows.toArray(double[][]::new), targets.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
