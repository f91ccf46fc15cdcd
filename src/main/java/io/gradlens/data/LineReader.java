package io.gradlens.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a stream into strict UTF-8 lines one at a time ({@code \n} or {@code \r\n} endings),
 * refusing a line as soon as it passes {@link ReadLimits#maxRecordBytes()} and a file as soon as
 * it passes {@link ReadLimits#maxRecords()} lines, so one huge record never reaches memory whole.
 * A leading byte-order mark is dropped.
 */
public final class LineReader {

    private final Path file;
    private final ReadLimits limits;
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int filled;
    private long offset;
    private long lineStart;
    private long count;
    private boolean ended;

    /** A reader of the lines of {@code in}, the content of {@code file}. */
    public LineReader(Path file, ReadLimits limits, InputStream in) {
        this.file = file;
        this.limits = limits;
        this.in = in;
    }

    /** Every line of {@code in}, without line ends. */
    List<String> readAll() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String text; (text = next()) != null; ) {
            lines.add(text);
        }
        return lines;
    }

    /** The 1-based number of the line {@link #next()} returned last (0 before the first). */
    public long lineNumber() {
        return count;
    }

    /** The next line without its line end, or null at the end of the stream. */
    public String next() throws IOException {
        if (ended) {
            return null;
        }
        while (true) {
            if (position == filled) {
                offset += filled;
                filled = in.read(buffer);
                position = 0;
                if (filled <= 0) {
                    filled = 0;
                    ended = true;
                    return line.size() > 0 ? emit() : null;
                }
            }
            int from = position;
            while (position < filled && buffer[position] != '\n') {
                position++;
            }
            append(from, position - from);
            if (position < filled) {
                position++; // the '\n'
                String text = emit();
                lineStart = offset + position;
                return text;
            }
        }
    }

    private void append(int from, int length) {
        if (line.size() + (long) length > limits.maxRecordBytes()) {
            throw DatasetFormatException.atLine(file, count + 1, ReadLimits.RECORD_BYTES.problem(
                    "this line", limits.maxRecordBytes()));
        }
        line.write(buffer, from, length);
    }

    private String emit() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        ByteBuffer bytesIn = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        decoder.reset();
        var result = decoder.decode(bytesIn, out, true);
        if (result.isError()) {
            int bad = bytesIn.position();
            throw DatasetFormatException.atLine(file, count + 1, String.format(
                    "invalid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xff, lineStart + bad));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        count++;
        if (count > limits.maxRecords()) {
            throw DatasetFormatException.atLine(file, count, ReadLimits.RECORDS.problem(
                    "the line count", limits.maxRecords()));
        }
        return count == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
