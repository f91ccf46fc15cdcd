package io.gradlens.data;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Seeded generator of the {@code price} table, a regression task with two input groups for
 * multi-input sensitivity: the {@code reference} group ({@code reference_price}, in thousands) and
 * the {@code features} group. Per row, drawn independently and uniformly:
 * <pre>
 *   reference_price ∈ [100, 500]     area_sqm ∈ [30, 200]     age_years ∈ [0, 100]
 *   distance_km     ∈ [0.5, 30]      condition ∈ [0, 1]
 * </pre>
 * and the target
 * <pre>
 *   h     = 0.20·tanh((area_sqm − 100) / 50) − 0.15·(age_years / 100)² + 0.10·(condition − 0.5)
 *           − 0.05·ln(distance_km / 5)
 *   price = (h + 1) · reference_price + ε,   ε ~ Normal(0, (0.01 · reference_price)²)
 * </pre>
 * so {@code ∂price/∂reference_price = h + 1} exactly, up to the noise. Each row goes to the test
 * split with probability 0.2. Values are written with 4 decimals.
 * Run {@code main(path)} to write {@code datasets/price.csv} (seed {@value #SEED}, {@value #ROWS} rows).
 */
public final class PriceGenerator {

    /** Seed of the shipped file. */
    public static final long SEED = 1703_03717L;
    /** Rows of the shipped file. */
    public static final int ROWS = 2000;
    /** Column names, in file order (the last is the split). */
    public static final List<String> COLUMNS =
            List.of("reference_price", "area_sqm", "age_years", "distance_km", "condition", "price", "split");

    private PriceGenerator() {
    }

    /** The smooth relative premium h(features). */
    public static double h(double areaSqm, double ageYears, double distanceKm, double condition) {
        return 0.20 * Math.tanh((areaSqm - 100) / 50) - 0.15 * Math.pow(ageYears / 100, 2)
                + 0.10 * (condition - 0.5) - 0.05 * Math.log(distanceKm / 5);
    }

    /** The table as CSV text: a header line and {@code rows} records. */
    public static String csv(int rows, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (int i = 0; i < rows; i++) {
            double reference = uniform(random, 100, 500);
            double area = uniform(random, 30, 200);
            double age = uniform(random, 0, 100);
            double distance = uniform(random, 0.5, 30);
            double condition = uniform(random, 0, 1);
            double noise = random.nextGaussian() * 0.01 * reference;
            double price = (h(area, age, distance, condition) + 1) * reference + noise;
            String split = random.nextDouble() < 0.2 ? "test" : "train";
            out.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%s\n",
                    reference, area, age, distance, condition, price, split));
        }
        return out.toString();
    }

    private static double uniform(SplittableRandom random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }
}
