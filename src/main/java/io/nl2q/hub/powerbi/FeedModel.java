package io.nl2q.hub.powerbi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What one caller of one tenant sees through the feed: its entity sets, PII columns already removed. */
record FeedModel(String tenantId, Map<String, FeedSet> sets) {
    FeedModel {
        sets = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sets));
    }

    static FeedModel of(String tenantId, List<FeedSet> sets) {
        var byName = new LinkedHashMap<String, FeedSet>();
        sets.forEach(s -> byName.put(s.name(), s));
        return new FeedModel(tenantId, byName);
    }

    Optional<FeedSet> set(String name) {
        return Optional.ofNullable(sets.get(name));
    }
}
