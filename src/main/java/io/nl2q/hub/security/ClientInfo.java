package io.nl2q.hub.security;

/** Where a request came from, for the audit trail: the peer address and the user agent it announced (clipped). */
public record ClientInfo(String ip, String userAgent) {
    public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

    public ClientInfo {
        userAgent = userAgent == null || userAgent.length() <= 400 ? userAgent : userAgent.substring(0, 400);
        ip = ip == null || ip.length() <= 64 ? ip : ip.substring(0, 64);
    }
}
