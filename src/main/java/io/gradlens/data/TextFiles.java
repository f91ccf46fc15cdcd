package io.gradlens.data;

import io.gradlens.format.ArchiveLimits;
import io.gradlens.format.CountingInputStream;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files under {@link ReadLimits}: gzip is recognised by its magic bytes (whatever the
 * extension), text must be valid UTF-8 (a leading byte-order mark is dropped), and every problem
 * becomes a {@link DatasetFormatException} naming the file. A plain file larger than the byte
 * limit is refused from its size before it is read; a gzip file is counted while it inflates;
 * lines are read one at a time, each refused as soon as it passes the per-line limit.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** What to do with the (decompressed, limit-checked) content of a file. */
    public interface Body<T> {
        /** Reads the content; {@code in} is closed after this returns. */
        T read(InputStream in) throws IOException;
    }

    /**
     * Streams the content of {@code file} to {@code body}: decompressed if it is gzip, refused as
     * soon as it passes {@link ReadLimits#maxBytes()} or the gzip ratio limit, never held whole.
     */
    public static <T> T stream(Path file, ReadLimits limits, Body<T> body) throws IOException {
        return read(file, limits, body);
    }

    /** The bytes of {@code file}, decompressed if it is gzip. */
    public static byte[] readBytes(Path file, ReadLimits limits) throws IOException {
        return read(file, limits, InputStream::readAllBytes);
    }

    private static <T> T read(Path file, ReadLimits limits, Body<T> body) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(2);
            boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            InputStream rest = new SequenceInputStream(new ByteArrayInputStream(head), raw);
            if (!gzip) {
                long size = Files.size(file);
                if (size > limits.maxBytes()) {
                    throw DatasetFormatException.inFile(file, ReadLimits.FILE_BYTES.problem(
                            "its size of " + size + " bytes", limits.maxBytes()));
                }
                return body.read(new Capped(file, rest, limits.maxBytes(), null));
            }
            CountingInputStream compressed = new CountingInputStream(rest);
            try (InputStream in = new GZIPInputStream(compressed, 1 << 16)) {
                return body.read(new Capped(file, in, limits.maxBytes(), compressed));
            } catch (EOFException e) {
                throw DatasetFormatException.inFile(file, "truncated gzip: the compressed stream ends early", e);
            } catch (ZipException e) {
                throw DatasetFormatException.inFile(file, "corrupt gzip: " + e.getMessage(), e);
            }
        }
    }

    /**
     * Streams the lines of {@code file} (strict UTF-8, limits as {@link #readLines}) to
     * {@code body} through a {@link LineReader}, holding one line at a time.
     */
    public static <T> T streamLines(Path file, ReadLimits limits, LinesBody<T> body) throws IOException {
        return read(file, limits, in -> body.read(new LineReader(file, limits, in)));
    }

    /** What to do with the lines of a file. */
    public interface LinesBody<T> {
        /** Reads lines from {@code lines} until it returns null or enough was read. */
        T read(LineReader lines) throws IOException;
    }

    /** The text of {@code file} as strict UTF-8; reports the line of the first invalid byte. */
    public static String readText(Path file, ReadLimits limits) throws IOException {
        byte[] bytes = readBytes(file, limits);
        if (bytes.length == 0) {
            throw DatasetFormatException.inFile(file, "file is empty");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw DatasetFormatException.atLine(file, lineOf(bytes, bad),
                    String.format("invalid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xff, bad));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /**
     * The lines of {@code file} ({@code \n} or {@code \r\n} endings; a final newline does not start
     * another line). Fails on an empty file, on more than {@code limits.maxRecords()} lines and on a
     * line longer than {@code limits.maxRecordBytes()}, without reading further.
     */
    public static List<String> readLines(Path file, ReadLimits limits) throws IOException {
        List<String> lines = read(file, limits, in -> new LineReader(file, limits, in).readAll());
        if (lines.stream().allMatch(String::isBlank)) {
            throw DatasetFormatException.inFile(file, "file is empty");
        }
        return lines;
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Refuses content past the file limit while it is read, and gzip content that inflates more
     * than {@link ArchiveLimits#RATIO} times once past {@link ArchiveLimits#RATIO_FLOOR_BYTES}: a
     * gzip bomb stops there without being held.
     */
    private static final class Capped extends FilterInputStream {
        private final Path file;
        private final long limit;
        private final CountingInputStream compressed;
        private final long ratio;
        private long count;

        Capped(Path file, InputStream in, long limit, CountingInputStream compressed) {
            super(in);
            this.file = file;
            this.limit = limit;
            this.compressed = compressed;
            this.ratio = compressed == null ? 0 : ArchiveLimits.RATIO.value();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) {
            count += n;
            if (count > limit) {
                throw DatasetFormatException.inFile(file, ReadLimits.FILE_BYTES.problem(
                        "its decompressed content", limit));
            }
            if (compressed != null && count > ArchiveLimits.RATIO_FLOOR_BYTES
                    && count / Math.max(1, compressed.count()) > ratio) {
                throw DatasetFormatException.inFile(file, ArchiveLimits.RATIO.problem("its compression ratio (" + count
                        + " bytes from " + compressed.count() + " compressed, a gzip bomb?)", ratio));
            }
        }
    }
}
