package io.gradlens.data.edits;

import java.util.ArrayList;
import java.util.List;

/** Sorted index sets written compactly as comma-separated values and ranges, e.g. {@code 0-3,7,9-10}. */
final class IndexRanges {

    private IndexRanges() {
    }

    /** {@code sorted} (ascending, distinct) as ranges. */
    static String format(int[] sorted) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
                j++;
            }
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(sorted[i]);
            if (j > i) {
                out.append('-').append(sorted[j]);
            }
            i = j + 1;
        }
        return out.toString();
    }

    /**
     * Parses {@link #format}'s form.
     *
     * @throws IllegalArgumentException naming the part that is not a value or an ascending range
     */
    static int[] parse(String text) {
        List<Integer> values = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int dash = part.indexOf('-', 1);
            try {
                if (dash < 0) {
                    values.add(Integer.parseInt(part));
                } else {
                    int from = Integer.parseInt(part.substring(0, dash));
                    int to = Integer.parseInt(part.substring(dash + 1));
                    if (to < from || to - from > 100_000_000) {
                        throw new IllegalArgumentException("range \"" + part + "\" is not ascending");
                    }
                    for (int v = from; v <= to; v++) {
                        values.add(v);
                    }
                }
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException("\"" + part + "\" is not an index or a range a-b", ex);
            }
        }
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
