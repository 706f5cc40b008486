package io.nl2q.hub.powerbi;

/** For tests of other packages that push through the shared context's bindings: starts the shared Power BI stub. */
public final class PowerBiStubs {
    private PowerBiStubs() {
    }

    public static void startShared() {
        SharedPowerBiStub.get();
    }
}
