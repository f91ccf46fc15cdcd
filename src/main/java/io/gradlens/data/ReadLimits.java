package io.gradlens.data;

import io.gradlens.format.SizeLimit;

/**
 * Size limits a reader enforces before it holds a file, a record or a decoded image in memory.
 * {@link #current()} reads them from the system properties {@code gradlens.limit.*} (see
 * {@link SizeLimit} and {@code docs/limits.md}); a reader that exceeds one throws a
 * {@link DatasetFormatException} naming the file, the limit and the property that raises it.
 *
 * @param maxBytes         most bytes a file may have after decompression
 * @param maxRecords       most records (lines, examples, images) a file may hold
 * @param maxRecordBytes   most bytes one line (record) of a text file may have
 * @param maxTokensPerText most tokens one text example may have
 * @param maxClasses       most classes a dataset may have (from its largest label or its class folders)
 * @param maxImagePixels   most pixels (width × height, read from the header) one image may have
 */
public record ReadLimits(long maxBytes, int maxRecords, int maxRecordBytes, int maxTokensPerText, int maxClasses,
                         long maxImagePixels) {

    /** Bytes of a file after decompression. */
    public static final SizeLimit FILE_BYTES = new SizeLimit("fileBytes", 1L << 30, "bytes");
    /** Records of a file. */
    public static final SizeLimit RECORDS = new SizeLimit("records", 10_000_000, "records");
    /** Bytes of one line. */
    public static final SizeLimit RECORD_BYTES = new SizeLimit("recordBytes", 1L << 20, "bytes");
    /** Tokens of one text. */
    public static final SizeLimit TOKENS_PER_TEXT = new SizeLimit("tokensPerText", 20_000, "tokens");
    /** Classes of a dataset. */
    public static final SizeLimit CLASSES = new SizeLimit("classes", 10_000, "classes");
    /** Pixels of one image. */
    public static final SizeLimit IMAGE_PIXELS = new SizeLimit("imagePixels", 4096L * 4096, "pixels");

    /**
     * The built-in defaults, whatever the system properties say: 1 GiB and 10 million records
     * (room for every shipped set and full MNIST), 1 MiB per line, 20 000 tokens per text,
     * 10 000 classes, 4096 × 4096 pixels per image.
     */
    public static final ReadLimits DEFAULT = new ReadLimits(FILE_BYTES.defaultValue(), (int) RECORDS.defaultValue());

    /** Checks that every limit is positive. */
    public ReadLimits {
        if (maxBytes <= 0 || maxRecords <= 0 || maxRecordBytes <= 0 || maxTokensPerText <= 0 || maxClasses <= 0
                || maxImagePixels <= 0) {
            throw new IllegalArgumentException("limits must be positive: " + maxBytes + " bytes, " + maxRecords
                    + " records, " + maxRecordBytes + " bytes per record, " + maxTokensPerText + " tokens per text, "
                    + maxClasses + " classes, " + maxImagePixels + " pixels per image");
        }
    }

    /** File and record limits as given, the others at their built-in defaults. */
    public ReadLimits(long maxBytes, int maxRecords) {
        this(maxBytes, maxRecords, (int) RECORD_BYTES.defaultValue(), (int) TOKENS_PER_TEXT.defaultValue(),
                (int) CLASSES.defaultValue(), IMAGE_PIXELS.defaultValue());
    }

    /** The limits in force: each system property {@code gradlens.limit.*} that is set, else its default. */
    public static ReadLimits current() {
        return new ReadLimits(FILE_BYTES.value(), RECORDS.intValue(), RECORD_BYTES.intValue(),
                TOKENS_PER_TEXT.intValue(), CLASSES.intValue(), IMAGE_PIXELS.value());
    }

}
