package io.nl2q.hub.guard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a corpus file: entries separated by a line holding only {@code -- ----}; an entry may start with
 * {@code -- expect: <fragment>}. Text before the first separator is a header.
 */
record SqlCorpus(List<Entry> entries) {

    record Entry(int number, String sql, String expect) {
        String label() {
            String oneLine = sql.replaceAll("\\s+", " ").strip();
            return "#" + number + " " + (oneLine.length() > 90 ? oneLine.substring(0, 90) + "..." : oneLine);
        }
    }

    static SqlCorpus load(String resource) {
        try (InputStream in = SqlCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static SqlCorpus parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<String> current = null;
        for (String line : text.split("\n", -1)) {
            if (line.equals("-- ----")) {
                if (current != null) {
                    entries.add(entry(entries.size() + 1, current));
                }
                current = new ArrayList<>();
            } else if (current != null) {
                current.add(line);
            }
        }
        if (current != null) {
            entries.add(entry(entries.size() + 1, current));
        }
        return new SqlCorpus(List.copyOf(entries));
    }

    private static Entry entry(int number, List<String> lines) {
        String expect = null;
        if (!lines.isEmpty() && lines.get(0).startsWith("-- expect: ")) {
            expect = lines.get(0).substring("-- expect: ".length()).strip();
            lines = lines.subList(1, lines.size());
        }
        String sql = String.join("\n", lines);
        if (sql.endsWith("\n")) {
            sql = sql.substring(0, sql.length() - 1);
        }
        return new Entry(number, sql, expect);
    }
}
