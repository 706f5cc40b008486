package io.nl2q.hub.console;

import java.io.IOException;
import java.io.InputStream;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.jolokia.server.core.restrictor.policy.PolicyRestrictor;
import org.springframework.stereotype.Component;

/**
 * The restrictor policy Jolokia itself enforces ({@code jolokia-access.xml} on the classpath, its default policy
 * location), read a second time so the console can judge, audit and refuse a request before Jolokia runs it.
 */
@Component
class JolokiaPolicy {
    static final String LOCATION = "/jolokia-access.xml";
    private final PolicyRestrictor policy;

    JolokiaPolicy() throws IOException {
        try (InputStream in = JolokiaPolicy.class.getResourceAsStream(LOCATION)) {
            if (in == null) {
                throw new IllegalStateException("no Jolokia policy at classpath:" + LOCATION);
            }
            this.policy = new PolicyRestrictor(in);
        }
    }

    /** Whether an {@code exec} of this operation (a name, or a name with its signature) may run. */
    boolean allowsOperation(String mbean, String operation) {
        ObjectName name = name(mbean);
        return name != null && operation != null && policy.isOperationAllowed(name, operation);
    }

    /** Whether a {@code write} of this attribute may run. */
    boolean allowsWrite(String mbean, String attribute) {
        ObjectName name = name(mbean);
        return name != null && attribute != null && policy.isAttributeWriteAllowed(name, attribute);
    }

    /** A single MBean's name; patterns and malformed names judge as no name (refused). */
    private static ObjectName name(String mbean) {
        try {
            ObjectName name = new ObjectName(mbean == null ? "" : mbean);
            return name.isPattern() ? null : name;
        } catch (MalformedObjectNameException e) {
            return null;
        }
    }
}
