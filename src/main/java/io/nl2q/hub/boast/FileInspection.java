package io.nl2q.hub.boast;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One streaming pass over a partner file before it is parsed: its SHA-256 (the idempotency key) and its encoding.
 * Partners send UTF-8, with or without a byte-order mark, or Latin-1 from older tools; a file that is not valid
 * UTF-8 is read as ISO-8859-1, which decodes any byte.
 */
record FileInspection(String sha256, long size, Charset charset, boolean bom) {
    private static final int CHUNK = 1 << 20;

    static FileInspection of(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        var utf8 = new Utf8Check();
        byte[] buffer = new byte[CHUNK];
        long size = 0;
        boolean bom = false;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                if (size == 0 && n >= 3 && (buffer[0] & 0xff) == 0xEF && (buffer[1] & 0xff) == 0xBB
                        && (buffer[2] & 0xff) == 0xBF) {
                    bom = true;
                }
                digest.update(buffer, 0, n);
                utf8.feed(buffer, n);
                size += n;
            }
        }
        Charset charset = bom || utf8.valid() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        return new FileInspection(HexFormat.of().formatHex(digest.digest()), size, charset, bom);
    }

    /** A UTF-8 well-formedness check that costs one comparison per byte of ASCII text. */
    private static final class Utf8Check {
        private int pending;
        private boolean valid = true;

        void feed(byte[] bytes, int length) {
            for (int i = 0; i < length && valid; i++) {
                int b = bytes[i] & 0xff;
                if (pending > 0) {
                    if ((b & 0xC0) != 0x80) {
                        valid = false;
                    }
                    pending--;
                } else if (b >= 0x80) {
                    if (b >= 0xC2 && b <= 0xDF) {
                        pending = 1;
                    } else if (b >= 0xE0 && b <= 0xEF) {
                        pending = 2;
                    } else if (b >= 0xF0 && b <= 0xF4) {
                        pending = 3;
                    } else {
                        valid = false;
                    }
                }
            }
        }

        boolean valid() {
            return valid && pending == 0;
        }
    }
}
