package io.gradlens.format;

/**
 * The limits {@link SafeZip} applies to every archive (model bundles, {@code .npz} arrays,
 * checkpoints); a caller may ask for lower ones. See {@code docs/limits.md}.
 */
public final class ArchiveLimits {

    /** Most entries an archive may hold. */
    public static final SizeLimit ENTRIES = new SizeLimit("zipEntries", 10_000, "entries");
    /** Most bytes one entry may inflate to, counted while inflating. */
    public static final SizeLimit ENTRY_BYTES = new SizeLimit("zipEntryBytes", 1L << 30, "bytes");
    /** Most bytes all entries together may inflate to, counted while inflating. */
    public static final SizeLimit TOTAL_BYTES = new SizeLimit("zipTotalBytes", 4L << 30, "bytes");
    /**
     * Most an entry may inflate per compressed byte once it has inflated past
     * {@link #RATIO_FLOOR_BYTES}; a zip bomb inflates about 1000 times, weights about once.
     */
    public static final SizeLimit RATIO = new SizeLimit("zipRatio", 100, "inflated bytes per compressed byte");
    /** Entries smaller than this are never refused for their ratio (an all-zero bias compresses well). */
    public static final long RATIO_FLOOR_BYTES = 16L << 20;

    private ArchiveLimits() {
    }
}
