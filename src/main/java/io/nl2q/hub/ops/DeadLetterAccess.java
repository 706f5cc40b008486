package io.nl2q.hub.ops;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;
import io.nl2q.hub.security.Caller;
import io.nl2q.hub.security.CallerAuthentication;
import io.nl2q.hub.security.PlatformOperatorAuthentication;
import io.nl2q.hub.security.Role;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The dead letters the current caller may see and replay: a tenant's operators those of their tenant only (another
 * tenant's entry is NOT_FOUND, as if it did not exist), platform operators every tenant's.
 */
@Component("deadLetterAccess")
public class DeadLetterAccess {
    private final DeadLetterStore store;
    private final DeadLetterReplayer replayer;

    DeadLetterAccess(DeadLetterStore store, DeadLetterReplayer replayer) {
        this.store = store;
        this.replayer = replayer;
    }

    public List<DeadLetter> list(String routeId) {
        return store.list(scope(), routeId == null || routeId.isBlank() ? null : routeId.strip(), 200);
    }

    public DeadLetter replay(String id) {
        long parsed;
        try {
            parsed = Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw new HubException(ErrorCode.BAD_REQUEST, Phase.DELIVER, "a dead letter id is a number");
        }
        return replayer.replay(scope(), parsed);
    }

    /** The tenant caller, for the audit of a refusal (null for a platform operator: their chain is the platform's). */
    public Caller tenantCaller() {
        return SecurityContextHolder.getContext().getAuthentication() instanceof CallerAuthentication caller
                ? caller.getPrincipal() : null;
    }

    /** The tenant id the caller is bound to, or null for a platform operator (every tenant). */
    static String scope() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof PlatformOperatorAuthentication) {
            return null;
        }
        if (auth instanceof CallerAuthentication caller && caller.getPrincipal().has(Role.OPERATOR)) {
            return caller.getPrincipal().tenant().id();
        }
        throw new HubException(ErrorCode.FORBIDDEN, Phase.AUTHENTICATE, "this operation needs the role operator");
    }
}
