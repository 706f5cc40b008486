package io.nl2q.hub.security;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** {@code GET /api/v1/me}: who the hub takes the caller for, so a client (the web app) can show tenant and roles. */
@Component("whoami")
public class Whoami {

    public Identity describe(Caller caller) {
        List<String> roles = Role.expand(caller.roles()).stream().sorted()
                .map(r -> r.name().toLowerCase(Locale.ROOT)).toList();
        return new Identity(caller.tenant().id(), caller.subject(), roles);
    }

    /** @param roles the caller's roles with the ones they include (admin lists analyst and viewer too) */
    public record Identity(String tenant, String subject, List<String> roles) {
        public Identity {
            roles = List.copyOf(roles);
        }
    }
}
