package io.nl2q.hub.boast;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A partner file as the inbound route received it: the tenant whose outbox it was in, its name, where its local
 * copy is, and its content hash.
 *
 * @param charset      UTF-8 (with or without a byte-order mark, {@code bom}) or ISO-8859-1
 * @param relativePath the path below the exchange root, {@code <tenant>/outbox/<name>}
 */
public record InboundFile(String tenant, String name, String relativePath, Path localCopy, String sha256,
                          long size, Charset charset, boolean bom) {
    public InboundFile {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(localCopy, "localCopy");
    }

    /** Loaded once per file name and content: the same name with other content is a new delivery. */
    public String idempotencyKey() {
        return name + ":" + sha256;
    }
}
