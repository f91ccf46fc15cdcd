package io.gradlens.io.keras;

import io.gradlens.format.ArchiveLimits;
import io.gradlens.format.SizeLimit;

/**
 * Size limits that keep a hostile or broken model file from exhausting memory, each checked before
 * the memory is taken and each raised by its system property (see {@link SizeLimit} and
 * {@code docs/limits.md}).
 */
final class Limits {
    /** Largest architecture JSON / metadata accepted. */
    static final SizeLimit JSON_BYTES = new SizeLimit("modelJsonBytes", 32L << 20, "bytes");
    /** Largest weights blob accepted (a {@code .keras} weights entry, or all shards of one TF.js group). */
    static final SizeLimit WEIGHT_BYTES = new SizeLimit("weightBytes", 1L << 30, "bytes");
    /** Largest tokenizer JSON or word list imported beside a model. */
    static final SizeLimit VOCABULARY_BYTES = new SizeLimit("vocabularyBytes", 256L << 20, "bytes");
    /** Most entries a {@code .keras} archive may have: the same limit as every other archive's. */
    static final SizeLimit ZIP_ENTRIES = ArchiveLimits.ENTRIES;

    private Limits() {}

    /** The value of {@code limit} in force, capped at the largest Java byte array. */
    static long bytes(SizeLimit limit) {
        return Math.min(limit.value(), Integer.MAX_VALUE - 16L);
    }

    /** The refusal of {@code what} in {@code file}, naming {@code limit} and how to raise it. */
    static ModelFormatException exceeded(java.nio.file.Path file, String what, SizeLimit limit, long value) {
        return new ModelFormatException(file, null, limit.problem(what, value));
    }
}
