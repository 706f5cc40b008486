package io.nl2q.hub.crm;

/**
 * What one inbound run did for a tenant.
 *
 * @param mode first-load | incremental | reconcile, or accounts/calls when they differ; paused | busy
 */
public record SyncReport(String tenant, String mode, int accounts, int calls, int deletedAccounts, int deletedCalls,
                         long apiCalls) {
}
