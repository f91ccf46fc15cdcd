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
 * Splits a stream into strict UTF-8 lines one at a time, refusing a line as soon as it passes
 * {@link ReadLimits#maxRecordBytes()} and a file as soon as it passes
 * {@link ReadLimits#maxRecords()} lines, so one huge record never reaches memory whole.
 */
final class LineReader {

    private final Path file;
    private final ReadLimits limits;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long lineStart;

    LineReader(Path file, ReadLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Every line of {@code in}, without line ends; a leading byte-order mark is dropped. */
    List<String> readAll(InputStream in) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long offset = 0;
        for (int n; (n = in.read(buffer)) > 0; offset += n) {
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    append(buffer, from, i - from);
                    emit();
                    from = i + 1;
                    lineStart = offset + from;
                }
            }
            append(buffer, from, n - from);
        }
        if (line.size() > 0) {
            emit();
        }
        return lines;
    }

    private void append(byte[] buffer, int from, int length) {
        if (line.size() + (long) length > limits.maxRecordBytes()) {
            throw DatasetFormatException.atLine(file, lines.size() + 1, ReadLimits.RECORD_BYTES.problem(
                    "this line", limits.maxRecordBytes()));
        }
        line.write(buffer, from, length);
    }

    private void emit() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, length);
        CharBuffer out = CharBuffer.allocate(length);
        decoder.reset();
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int bad = in.position();
            throw DatasetFormatException.atLine(file, lines.size() + 1, String.format(
                    "invalid UTF-8 (byte 0x%02X at offset %d)", bytes[bad] & 0xff, lineStart + bad));
        }
        decoder.flush(out);
        out.flip();
        String text = out.toString();
        lines.add(lines.isEmpty() && text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (lines.size() > limits.maxRecords()) {
            throw DatasetFormatException.atLine(file, lines.size(), ReadLimits.RECORDS.problem(
                    "the line count", limits.maxRecords()));
        }
    }
}
