package io.gradlens.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a numeric CSV/TSV table into a {@link TabularDataset}: a header line, then one row of
 * finite numbers per line; an optional {@code split} column ({@code train}/{@code test}) fixes the
 * split, otherwise a seeded random 20 % of the rows is the test set.
 */
public final class TabularCsvReader {

    /** The optional split column. */
    public static final String SPLIT_COLUMN = "split";

    private TabularCsvReader() {
    }

    /** Reads {@code file} with {@code schema} (or {@link TabularSchema#defaultFor} its header when null). */
    public static TabularDataset read(Path file, TabularSchema schema, String name, DatasetInfo info, long seed,
                                      ReadLimits limits) throws IOException {
        List<TableRow> rows = TableReader.read(file, limits);
        List<String> header = new ArrayList<>(rows.get(0).fields().keySet());
        TabularSchema effective = schema != null ? schema : TabularSchema.defaultFor(header);
        List<String> inputs = effective.inputGroups().values().stream().flatMap(List::stream).toList();
        for (String column : concat(inputs, effective.targetColumn())) {
            if (!header.contains(column)) {
                throw DatasetFormatException.atLine(file, 1, "header has no \"" + column + "\" column; columns are " + header);
            }
        }
        boolean hasSplit = header.contains(SPLIT_COLUMN);
        int n = rows.size();
        double[][] x = new double[n][];
        double[] y = new double[n];
        boolean[] test = hasSplit ? new boolean[n] : StratifiedSplit.testMask(new int[n], 0.2, seed);
        for (int i = 0; i < n; i++) {
            TableRow row = rows.get(i);
            x[i] = new double[inputs.size()];
            for (int c = 0; c < inputs.size(); c++) {
                x[i][c] = number(file, row, inputs.get(c));
            }
            y[i] = number(file, row, effective.targetColumn());
            if (hasSplit) {
                String split = row.get(SPLIT_COLUMN);
                if (!split.equals("train") && !split.equals("test")) {
                    throw DatasetFormatException.atLine(file, row.line(), "split \"" + split + "\" is not train or test");
                }
                test[i] = split.equals("test");
            }
        }
        return new TabularDataset(name, inputs, effective.inputGroups(), effective.targetColumn(),
                select(x, y, test, false), select(x, y, test, true), info);
    }

    private static List<String> concat(List<String> inputs, String target) {
        List<String> all = new ArrayList<>(inputs);
        all.add(target);
        return all;
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
