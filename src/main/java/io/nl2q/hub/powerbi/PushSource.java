package io.nl2q.hub.powerbi;

import java.util.List;

/**
 * The rows a push sends, in an order that is the same on every read, so a resumed push can continue at an offset.
 */
interface PushSource {
    List<PushColumn> columns();

    /** At most {@code limit} rows from {@code offset}, each with a value per column. */
    List<List<Object>> read(long offset, int limit);
}
