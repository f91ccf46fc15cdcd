package io.gradlens.nn;

import java.util.List;
import java.util.Map;

/** Reads typed settings from a layer configuration, naming the layer and setting on any problem. */
final class ConfigReader {

    private final String layer;
    private final String type;
    private final Map<String, ?> config;

    ConfigReader(String layer, String type, Map<String, ?> config) {
        this.layer = layer;
        this.type = type;
        this.config = config == null ? Map.of() : config;
    }

    private IllegalArgumentException problem(String key, String what) {
        return new IllegalArgumentException(type + " layer '" + layer + "': setting '" + key + "' " + what);
    }

    int integer(String key) {
        Object v = config.get(key);
        if (v == null) {
            throw problem(key, "is missing");
        }
        return asInt(key, v);
    }

    int integer(String key, int fallback) {
        Object v = config.get(key);
        if (v instanceof List<?> list && list.size() == 1) {
            v = list.get(0);
        }
        return v == null ? fallback : asInt(key, v);
    }

    private int asInt(String key, Object v) {
        if (v instanceof List<?> list && list.size() == 1) {
            v = list.get(0);
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() <= 0) {
            throw problem(key, "must be a positive integer, got " + v);
        }
        return n.intValue();
    }

    double number(String key) {
        Object v = config.get(key);
        if (!(v instanceof Number n)) {
            throw problem(key, v == null ? "is missing" : "must be a number, got " + v);
        }
        return n.doubleValue();
    }

    boolean bool(String key, boolean fallback) {
        Object v = config.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof Boolean b)) {
            throw problem(key, "must be true or false, got " + v);
        }
        return b;
    }

    Activation activation(String key, String fallback) {
        Object v = config.get(key);
        String name = v == null ? fallback : v.toString();
        if (name == null) {
            throw problem(key, "is missing");
        }
        try {
            return Activation.fromKerasName(name);
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    Padding padding() {
        Object v = config.get("padding");
        try {
            return v == null ? Padding.VALID : Padding.fromKerasName(v.toString());
        } catch (IllegalArgumentException e) {
            throw problem("padding", e.getMessage());
        }
    }

    int[] pair(String key, int[] fallback) {
        Object v = config.get(key);
        if (v == null) {
            if (fallback == null) {
                throw problem(key, "is missing");
            }
            return fallback.clone();
        }
        if (v instanceof Number) {
            int k = asInt(key, v);
            return new int[] {k, k};
        }
        if (v instanceof List<?> list && list.size() == 2) {
            return new int[] {asInt(key, list.get(0)), asInt(key, list.get(1))};
        }
        throw problem(key, "must be an integer or a pair of integers, got " + v);
    }
}
