package io.nl2q.hub.crm;

/** What an inbound run applied so far: what a paused or failed run reports too. */
final class SyncTally {

    String accountsMode = "incremental";
    String callsMode = "incremental";
    int accounts;
    int calls;
    int deletedAccounts;
    int deletedCalls;
    int relinked;
    int parked;
    int withoutNpi;
    int unsubmitted;
    /** whether calls may be pending (then each applied call is also taken off the pending list); null: unknown */
    Boolean anyPending;

    SyncReport report(String tenant, String mode, int pendingCalls, long apiCalls, String message) {
        return new SyncReport(tenant, mode, accounts, calls, deletedAccounts, deletedCalls, relinked, parked,
                withoutNpi, unsubmitted, pendingCalls, apiCalls, message);
    }

    String mode() {
        return accountsMode.equals(callsMode) ? accountsMode : accountsMode + "/" + callsMode;
    }
}
