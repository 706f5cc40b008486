package io.nl2q.hub.semantic;

import java.util.List;

/**
 * A segment's part of a measure ("Commercial share of Tirosint TRx", "what share of calls were virtual"): the measure
 * of the segment's rows over the measure of all rows under the same period and other filters, with no partition.
 */
final class SegmentShare {
    private SegmentShare() {
    }

    /** The fields of the filters naming the segment, or none when the share is a share within a partition. */
    static List<Field> of(Mentions m, List<Intent.Filter> filters) {
        if (!m.share || m.segment.isEmpty()) {
            return List.of();
        }
        List<Field> fields = filters.stream().filter(f -> !f.negated()).map(Intent.Filter::field)
                .filter(f -> m.segment.stream().anyMatch(s -> s.candidates().stream().anyMatch(c -> c.field() == f)))
                .distinct().toList();
        if (fields.size() != 1) {
            throw new Unanswerable("I read more than one segment in this share; ask for the share of one segment"
                    + " (for example one payer channel or one specialty) at a time.");
        }
        return fields;
    }
}
