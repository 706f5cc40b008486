package io.nl2q.hub.pipeline;

import java.util.UUID;

/**
 * The hub's id of one answer ({@code queryId}): new for every answer, cached or not, whatever correlation id the
 * client sent, so feedback and saved questions attach to exactly the answer they name.
 */
public final class QueryIds {
    private QueryIds() {
    }

    public static String next() {
        return UUID.randomUUID().toString();
    }
}
