package io.gradlens.data;

/**
 * Size limits a reader enforces before it holds a file in memory.
 *
 * @param maxBytes   most bytes a file may have after decompression
 * @param maxRecords most records (lines, examples, images) a file may hold
 */
public record ReadLimits(long maxBytes, int maxRecords) {

    /** 1 GiB and 10 million records: room for every shipped set and full MNIST. */
    public static final ReadLimits DEFAULT = new ReadLimits(1L << 30, 10_000_000);

    /** Checks that both limits are positive. */
    public ReadLimits {
        if (maxBytes <= 0 || maxRecords <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxRecords + " records");
        }
    }
}
