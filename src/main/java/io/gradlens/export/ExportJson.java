package io.gradlens.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/** The shared JSON writer: one compact line per value, non-finite doubles as null. */
public final class ExportJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExportJson() {
    }

    /** {@code value} as one line of JSON. */
    public static String line(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A JSON number, or null for NaN and infinities (which JSON cannot hold). */
    static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** A list of JSON numbers. */
    static List<Double> numbers(double[] values) {
        List<Double> out = new ArrayList<>(values.length);
        for (double v : values) {
            out.add(number(v));
        }
        return out;
    }

    /** A list of lists of JSON numbers. */
    static List<List<Double>> matrix(double[][] values) {
        List<List<Double>> out = new ArrayList<>(values.length);
        for (double[] row : values) {
            out.add(numbers(row));
        }
        return out;
    }
}
