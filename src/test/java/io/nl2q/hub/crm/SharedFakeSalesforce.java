package io.nl2q.hub.crm;

/** The stub the shared test context's tenant {@code initrode} is connected to (hub-test.properties: port 47931). */
final class SharedFakeSalesforce {
    static final int PORT = 47931;
    private static FakeSalesforce org;

    private SharedFakeSalesforce() {
    }

    static synchronized FakeSalesforce get() {
        if (org == null) {
            org = new FakeSalesforce(PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(org::close));
        }
        return org;
    }
}
