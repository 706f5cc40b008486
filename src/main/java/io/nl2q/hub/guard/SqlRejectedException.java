package io.nl2q.hub.guard;

import io.nl2q.hub.errors.ErrorCode;
import io.nl2q.hub.errors.HubException;
import io.nl2q.hub.errors.Phase;

/** A statement the guard refused; the message names the reason and is safe to show to the caller. */
public class SqlRejectedException extends HubException {
    public SqlRejectedException(String reason) {
        super(ErrorCode.SQL_REJECTED, Phase.GUARD, reason);
    }
}
