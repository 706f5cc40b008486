package io.nl2q.hub.powerbi;

/**
 * The stub the shared test context's Power BI bindings and refresh dataset talk to (hub-test.properties: port 47932),
 * on the wall clock as the hub's deliveries are. Its push dataset for tenant acme's products is {@link #PRODUCTS}.
 */
final class SharedPowerBiStub {
    static final int PORT = 47932;
    static final String PRODUCTS = "5d1c2f0e-3b7a-4f55-9a10-2c8e1f6b7d34";
    static final String SALES = "8a7b6c5d-4e3f-4a1b-9c8d-7e6f5a4b3c2d";
    private static PowerBiStub stub;

    private SharedPowerBiStub() {
    }

    static synchronized PowerBiStub get() {
        if (stub == null) {
            stub = new PowerBiStub(true, java.time.Instant::now, PORT);
            Runtime.getRuntime().addShutdownHook(new Thread(stub::close));
        }
        return stub;
    }
}
