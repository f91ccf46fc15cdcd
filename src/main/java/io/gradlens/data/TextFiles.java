package io.gradlens.data;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads whole files under {@link ReadLimits}: gzip is recognised by its magic bytes (whatever the
 * extension), text must be valid UTF-8 (a leading byte-order mark is dropped), and every problem
 * becomes a {@link DatasetFormatException} naming the file.
 */
public final class TextFiles {

    private TextFiles() {
    }

    /** The bytes of {@code file}, decompressed if it is gzip. */
    public static byte[] readBytes(Path file, ReadLimits limits) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] head = raw.readNBytes(2);
            boolean gzip = head.length == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
            InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head), raw);
            if (!gzip) {
                return readCapped(file, rest, limits);
            }
            try (InputStream in = new GZIPInputStream(rest, 1 << 16)) {
                return readCapped(file, in, limits);
            } catch (EOFException e) {
                throw DatasetFormatException.inFile(file, "truncated gzip: the compressed stream ends early", e);
            } catch (ZipException e) {
                throw DatasetFormatException.inFile(file, "corrupt gzip: " + e.getMessage(), e);
            }
        }
    }

    private static byte[] readCapped(Path file, InputStream in, ReadLimits limits) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > limits.maxBytes()) {
                throw DatasetFormatException.inFile(file, "larger than the limit of " + limits.maxBytes() + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
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
     * another line). Fails on an empty file and on more than {@code limits.maxRecords()} lines.
     */
    public static List<String> readLines(Path file, ReadLimits limits) throws IOException {
        String text = readText(file, limits);
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = text.substring(start, end);
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            if (lines.size() > limits.maxRecords()) {
                throw DatasetFormatException.atLine(file, lines.size(), "more than the limit of " + limits.maxRecords() + " lines");
            }
            start = end + 1;
        }
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
}
