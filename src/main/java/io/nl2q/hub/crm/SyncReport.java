package io.nl2q.hub.crm;

/**
 * What one inbound run did for a tenant: what it applied, also when it stopped early (paused, failed).
 *
 * @param mode              first-load | incremental | reconcile, or accounts/calls when they differ; paused | busy
 * @param accounts          accounts applied to HCPs (updated, linked by NPI or created)
 * @param calls             submitted calls applied (pending calls whose account got linked included)
 * @param relinkedAccounts  HCPs moved from a CRM id the org no longer has to the account holding their NPI
 * @param parkedAccounts    accounts parked in the dead-letter store: their NPI belongs to another live account
 * @param accountsWithoutNpi accounts that cannot be an HCP (no NPI); their calls stay pending
 * @param unsubmittedCalls  calls not submitted (saved drafts) seen and kept out of the warehouse
 * @param pendingCalls      calls waiting for their account after the run (kept, not skipped)
 * @param message           why the run stopped early, if it did
 */
public record SyncReport(String tenant, String mode, int accounts, int calls, int deletedAccounts, int deletedCalls,
                         int relinkedAccounts, int parkedAccounts, int accountsWithoutNpi, int unsubmittedCalls,
                         int pendingCalls, long apiCalls, String message) {

    static SyncReport busy(String tenant) {
        return new SyncReport(tenant, "busy", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "a run for the tenant is in progress");
    }
}
