package io.nl2q.hub.semantic;

import java.util.List;
import java.util.Map;

/** A YAML node with a path for messages; reading a missing required key records a problem instead of throwing. */
record Node(Object value, String path, List<String> problems) {

    Node child(String key) {
        Object v = map().get(key);
        return v == null ? null : new Node(v, path + "." + key, problems);
    }

    List<String> keys() {
        return map().keySet().stream().map(String::valueOf).toList();
    }

    String text(String key, boolean required) {
        Object v = map().get(key);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                problems.add(path + ": missing required field '" + key + "'");
            }
            return required ? "?" : null;
        }
        if (v instanceof Map || v instanceof List) {
            problems.add(path + "." + key + ": expected a single value");
            return "?";
        }
        return String.valueOf(v).strip();
    }

    long number(String key) {
        Object v = map().get(key);
        return v instanceof Number n ? n.longValue() : 0L;
    }

    boolean bool(String key) {
        return Boolean.TRUE.equals(map().get(key));
    }

    List<String> texts(String key) {
        Object v = map().get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).map(String::strip).toList();
        }
        return List.of(String.valueOf(v).strip());
    }

    List<Node> list(String key, boolean required) {
        Object v = map().get(key);
        if (v == null) {
            if (required) {
                problems.add(path + ": missing required field '" + key + "'");
            }
            return List.of();
        }
        if (!(v instanceof List<?> l)) {
            problems.add(path + "." + key + ": expected a list");
            return List.of();
        }
        return java.util.stream.IntStream.range(0, l.size())
                .mapToObj(i -> new Node(l.get(i), path + "." + key + "[" + i + "]", problems)).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map() {
        if (value instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        problems.add(path + ": expected a mapping");
        return Map.of();
    }
}
