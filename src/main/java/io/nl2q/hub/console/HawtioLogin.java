package io.nl2q.hub.console;

import io.hawt.web.auth.RolePrincipal;
import io.nl2q.hub.security.PlatformOperator;
import io.nl2q.hub.security.PlatformOperators;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.FailedLoginException;
import javax.security.auth.login.LoginException;
import javax.security.auth.spi.LoginModule;

/**
 * The JAAS login behind Hawtio's own sign-in form and its Basic/Bearer check in front of Jolokia: the password is a
 * platform operator's key, or a Keycloak access token of a platform operator (Hawtio hands a bearer token over as the
 * password of user {@code token}). Any user name goes with a key; tenant keys fail like unknown ones.
 */
public final class HawtioLogin implements LoginModule {
    /** The role Hawtio is told to require ({@code hawtio.roles}); only this module grants it. */
    static final String ROLE = "platform-operator";
    static final String OPERATORS = "operators";
    private Subject subject;
    private CallbackHandler callbacks;
    private PlatformOperators operators;
    private PlatformOperator signedIn;

    @Override
    public void initialize(Subject subject, CallbackHandler callbackHandler, Map<String, ?> sharedState,
                           Map<String, ?> options) {
        this.subject = subject;
        this.callbacks = callbackHandler;
        this.operators = (PlatformOperators) options.get(OPERATORS);
    }

    @Override
    public boolean login() throws LoginException {
        NameCallback name = new NameCallback("user");
        PasswordCallback password = new PasswordCallback("key", false);
        try {
            callbacks.handle(new Callback[] {name, password});
        } catch (IOException | UnsupportedCallbackException e) {
            throw new LoginException("no credentials: " + e.getMessage());
        }
        char[] secret = password.getPassword();
        password.clearPassword();
        String presented = secret == null ? "" : new String(secret);
        Optional<PlatformOperator> operator = operators.byKey(presented);
        if (operator.isEmpty() && "token".equals(name.getName())) {
            operator = operators.byToken(presented);
        }
        if (operator.isEmpty()) {
            throw new FailedLoginException("not a platform operator's key or token");
        }
        signedIn = operator.get();
        return true;
    }

    @Override
    public boolean commit() {
        if (signedIn == null) {
            return false;
        }
        subject.getPrincipals().add(new UserPrincipal(signedIn.subject()));
        subject.getPrincipals().add(new RolePrincipal(ROLE));
        return true;
    }

    @Override
    public boolean abort() {
        signedIn = null;
        return true;
    }

    @Override
    public boolean logout() {
        subject.getPrincipals().removeIf(p -> p instanceof UserPrincipal || p instanceof RolePrincipal);
        signedIn = null;
        return true;
    }

    /** The signed-in operator; the simple class name is one Hawtio reads the user name from. */
    record UserPrincipal(String subject) implements Principal {
        @Override
        public String getName() {
            return subject;
        }
    }
}
