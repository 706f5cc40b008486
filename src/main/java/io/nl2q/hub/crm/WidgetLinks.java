package io.nl2q.hub.crm;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.nl2q.hub.security.ApiKeyStore;
import io.nl2q.hub.security.Role;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Short-lived signed links to the HCP widget: tenant, CRM account id, subject and expiry, HMAC-SHA256 with the
 * secret from the environment. The prod profile refuses to start with the development default.
 */
@Component
class WidgetLinks {
    static final String DEV_SECRET = "dev-only-widget-secret-change-me";
    private final CrmProperties properties;
    private final byte[] secret;
    private final ApiKeyStore keys;

    WidgetLinks(CrmProperties properties, Environment environment, ApiKeyStore keys) {
        this.properties = properties;
        this.keys = keys;
        String configured = properties.widget().secret();
        if (environment.acceptsProfiles(Profiles.of("prod")) && (configured == null || configured.equals(DEV_SECRET)
                || configured.length() < 32)) {
            throw new IllegalStateException("the prod profile needs hub.crm.widget.secret (HUB_WIDGET_SECRET) set to"
                    + " a secret of at least 32 characters, not the development default");
        }
        this.secret = configured.getBytes(StandardCharsets.UTF_8);
    }

    /** The roles a link can carry: those that read data; the PII policy applies to the widget by them. */
    private static final Set<Role> READING = EnumSet.of(Role.VIEWER, Role.ANALYST, Role.ADMIN);

    /**
     * What a valid link grants: one HCP of one tenant, read with the issuer's reading roles (viewer at least), until
     * it expires or the API key that issued it ({@code subject} {@code key:<id>}) is revoked.
     */
    record Grant(String tenant, String crmAccountId, String subject, Instant expiresAt, Set<Role> roles) {
        Grant {
            EnumSet<Role> reading = EnumSet.of(Role.VIEWER);
            roles.stream().filter(READING::contains).forEach(reading::add);
            roles = Set.copyOf(reading);
        }
    }

    /** A link that reads as a viewer. */
    Grant issue(String tenant, String crmAccountId, String subject) {
        return issue(tenant, crmAccountId, subject, Set.of(Role.VIEWER));
    }

    Grant issue(String tenant, String crmAccountId, String subject, Set<Role> issuerRoles) {
        return new Grant(tenant, crmAccountId, subject, Instant.now().plus(properties.widget().linkTtl())
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS), issuerRoles);
    }

    String token(Grant grant) {
        String payload = String.join("|", "v2", grant.tenant(), grant.crmAccountId(), grant.subject(),
                String.valueOf(grant.expiresAt().getEpochSecond()), grant.roles().stream().map(Role::name).sorted()
                        .collect(Collectors.joining(",")));
        var enc = Base64.getUrlEncoder().withoutPadding();
        return enc.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + enc.encodeToString(mac(payload));
    }

    /** The grant of a token for this HCP, if the signature holds, it has not expired and it names this HCP. */
    Optional<Grant> verify(String token, String crmAccountId) {
        if (token == null || token.indexOf('.') < 0) {
            return Optional.empty();
        }
        try {
            String[] parts = token.split("\\.", 2);
            String payload = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(mac(payload), Base64.getUrlDecoder().decode(parts[1]))) {
                return Optional.empty();
            }
            String[] f = payload.split("\\|");
            Grant grant = new Grant(f[1], f[2], f[3], Instant.ofEpochSecond(Long.parseLong(f[4])),
                    Arrays.stream(f[5].split(",")).map(Role::parse).collect(Collectors.toSet()));
            boolean valid = f[0].equals("v2") && grant.expiresAt().isAfter(Instant.now())
                    && grant.crmAccountId().equals(crmAccountId) && issuerActive(grant.subject());
            return valid ? Optional.of(grant) : Optional.empty();
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** A link issued with an API key lives only as long as the key; a token's links expire with their TTL. */
    private boolean issuerActive(String subject) {
        return !subject.startsWith("key:") || keys.isActive(subject.substring("key:".length()));
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
