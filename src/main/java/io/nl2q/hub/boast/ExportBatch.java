package io.nl2q.hub.boast;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * One export run, ready to upload: the CSV, its {@code .sha256} companion and its manifest, in one local folder.
 *
 * @param json the rows as JSON for the partner API, or null when the export is not posted
 */
public record ExportBatch(String export, String tenant, File csv, File sha256, File manifest, String sha256Hex,
                          long rows, boolean truncated, String json) {

    public String csvName() {
        return csv.getName();
    }

    /** Upload order: the data, its checksum, and the manifest last, as the partner's "batch complete" signal. */
    public List<File> files() {
        return List.of(csv, sha256, manifest);
    }

    /** What an operator sees of a run. */
    public Map<String, Object> summary() {
        return Map.of("export", export, "tenant", tenant, "file", csv.getName(), "sha256", sha256Hex, "rows", rows,
                "truncated", truncated, "postedToApi", postToApi());
    }

    public boolean postToApi() {
        return json != null;
    }
}
