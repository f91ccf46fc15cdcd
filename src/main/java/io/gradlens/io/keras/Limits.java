package io.gradlens.io.keras;

/** Size limits that keep a hostile or broken file from exhausting memory. */
final class Limits {
    /** Largest architecture JSON / metadata accepted. */
    static final long MAX_JSON_BYTES = 32L * 1024 * 1024;
    /** Largest weights blob accepted (a {@code .keras} weights entry, or all shards of one TF.js group). */
    static final long MAX_WEIGHT_BYTES = 1L << 30;
    /** Most entries a {@code .keras} archive may have. */
    static final int MAX_ZIP_ENTRIES = 10_000;

    private Limits() {}
}
