package io.nl2q.hub.crm;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One tenant's CRM as the sync sees it: records as flat field maps, pulled by modification stamp, and insights
 * pushed back. Veeva CRM on Salesforce is the first implementation; Vault CRM renames objects and leaves Salesforce,
 * so nothing Salesforce-specific crosses this interface.
 */
interface CrmAdapter {

    /**
     * Records of {@code object} modified after {@code since} (at full precision, ties broken by id), oldest first, one
     * page per call of {@code page}.
     */
    void changedSince(String object, List<String> fields, String where, Position since, Consumer<Page> page);

    /** Records of {@code object} matching {@code where}, one page per call of {@code page} (small result sets). */
    void select(String object, List<String> fields, String where, Consumer<Page> page);

    /** Ids of records of {@code object} deleted at or after {@code since} (the CRM keeps them for a limited time). */
    void deletedSince(String object, Instant since, Consumer<Page> page);

    /** Every record, for first loads and backfills: the CRM's bulk export, one page per call of {@code page}. */
    void extractAll(String object, List<String> fields, String where, Consumer<Page> page);

    /** The live records of {@code object} among {@code ids} matching {@code where}: change events name records. */
    List<Map<String, String>> byIds(String object, List<String> fields, String where, Collection<String> ids);

    /** Every live record id, for a full key reconciliation. */
    Set<String> allIds(String object, String where);

    /**
     * Updates records by key; partial success is normal, each failure carries the CRM's error code. A null value
     * clears the field.
     */
    PushResult push(String object, String keyField, List<Map<String, String>> records);

    /** The org's daily API allocation as the CRM reports it. */
    ApiUsage usage();

    /**
     * Where an incremental pull stands: the SystemModstamp of the newest record applied, and its id when the records
     * were read in (stamp, id) order; without an id, records at exactly {@code stamp} are read again (harmless).
     */
    record Position(Instant stamp, String id) {
        public Position {
            java.util.Objects.requireNonNull(stamp, "stamp");
        }
    }

    /** A page of records; {@code Id} and {@code SystemModstamp} are always present. */
    record Page(List<Map<String, String>> records) {
        public Page {
            records = List.copyOf(records);
        }
    }

    /** Per record key, the failures (error code and message); keys absent from {@code failed} succeeded. */
    record PushResult(int accepted, Map<String, Failure> failed, int apiCalls) {
        public PushResult {
            failed = Map.copyOf(failed);
        }
    }

    record Failure(String code, String message) {
    }

    record ApiUsage(long used, long max) {
        double share() {
            return max <= 0 ? 0 : (double) used / max;
        }
    }
}
