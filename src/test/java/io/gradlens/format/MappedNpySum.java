package io.gradlens.format;

import java.nio.file.Path;

/**
 * The child process of {@link MappedNpyHeapTest}: maps the file named by its argument, adds up every
 * element and checks every row of the matrix, and prints {@code sum=… rows=… max_heap=…}.
 */
public final class MappedNpySum {

    private MappedNpySum() {
    }

    /** Maps {@code args[0]} and prints what it holds. */
    public static void main(String[] args) throws Exception {
        MappedNpy m = MappedNpy.open(Path.of(args[0]));
        double sum = 0;
        for (long i = 0; i < m.size(); i++) {
            sum += m.get(i);
        }
        long goodRows = 0;
        for (long r = 0; r < m.rows(); r++) {
            double[] row = m.row(r);
            if (row[0] == -512 && row[row.length - 1] == 511) {
                goodRows++;
            }
        }
        System.out.println("sum=" + (long) sum + " rows=" + goodRows + " max_heap=" + Runtime.getRuntime().maxMemory());
    }
}
