package io.nl2q.hub.security;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The caller of the current request, for the first step of every API route. Fails closed when there is none. */
@Component("callers")
public class Callers {

    public Caller current() {
        return ofCurrentThread().orElseThrow(
                () -> new HubException(ErrorCode.UNAUTHORIZED, Phase.AUTHENTICATE, "no authenticated caller"));
    }

    /** The authenticated caller on this thread, if any (logging and metrics, which must not fail without one). */
    public static Optional<Caller> ofCurrentThread() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth instanceof CallerAuthentication known ? Optional.of(known.getPrincipal()) : Optional.empty();
    }

    /** Where the current request came from (peer address, user agent), for the audit trail. */
    public ClientInfo client() {
        return SecurityEvents.currentClient();
    }

    /** The current caller, refused unless it has the role (the HTTP rules check it too; routes do not rely on it). */
    public Caller currentWithRole(String role) {
        Caller caller = current();
        if (!caller.has(Role.parse(role))) {
            throw new HubException(ErrorCode.FORBIDDEN, Phase.AUTHENTICATE, "this operation needs the role " + role);
        }
        return caller;
    }
}
