package io.gradlens.io;

import io.gradlens.format.BundleFormatException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Typed access to a bundle's model.json, with errors that name the file, entry and key. */
final class BundleJson {

    private final Path file;
    private final Map<String, Object> json;

    BundleJson(Path file, Map<String, Object> json) {
        this.file = file;
        this.json = json;
    }

    BundleFormatException problem(String what) {
        return new BundleFormatException(file, ModelBundle.MODEL_JSON, what);
    }

    int integer(String key) {
        return integer(json, key);
    }

    int integer(Map<String, Object> in, String key) {
        Object v = in.get(key);
        if (!(v instanceof Integer i)) {
            throw problem("'" + key + "' must be an integer, got " + v);
        }
        return i;
    }

    boolean bool(Map<String, Object> in, String key) {
        Object v = in.get(key);
        if (!(v instanceof Boolean b)) {
            throw problem("'" + key + "' must be true or false, got " + v);
        }
        return b;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> map(String key) {
        Object v = json.get(key);
        if (!(v instanceof Map<?, ?>)) {
            throw problem("'" + key + "' must be an object, got " + v);
        }
        return (Map<String, Object>) v;
    }

    long[] longs(Map<String, Object> in, String key) {
        Object v = in.get(key);
        if (!(v instanceof List<?> list)) {
            throw problem("'" + key + "' must be a list of integers, got " + v);
        }
        long[] out = new long[list.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(list.get(i) instanceof Number n)) {
                throw problem("'" + key + "' must be a list of integers, got " + v);
            }
            out[i] = n.longValue();
        }
        return out;
    }

    List<String> strings(String key) {
        Object v = json.get(key);
        if (!(v instanceof List<?> list) || list.stream().anyMatch(x -> !(x instanceof String))) {
            throw problem("'" + key + "' must be a list of strings, got " + v);
        }
        List<String> out = new ArrayList<>();
        list.forEach(x -> out.add((String) x));
        return out;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> layers() {
        Object v = json.get("layers");
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw problem("'layers' must be a non-empty list");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list) {
            if (!(o instanceof Map<?, ?>)) {
                throw problem("every entry of 'layers' must be an object, got " + o);
            }
            out.add((Map<String, Object>) o);
        }
        return out;
    }
}
