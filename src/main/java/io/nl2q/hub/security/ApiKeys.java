package io.nl2q.hub.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How keys are stored: only their SHA-256, never in clear. Keys are long random strings, so no salt is needed. */
public final class ApiKeys {
    private ApiKeys() {
    }

    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The first characters of a key, kept so people can tell their keys apart in listings. */
    public static String prefix(String key) {
        return key.substring(0, Math.min(8, key.length()));
    }
}
