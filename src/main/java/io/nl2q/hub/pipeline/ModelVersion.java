package io.nl2q.hub.pipeline;

/**
 * The version of the semantic model a tenant's questions are compiled with. Part of the answer cache key, so a
 * changed model never serves answers compiled with the old one. The semantic engine registers an implementation;
 * without one every tenant is on {@link #DEFAULT}.
 */
public interface ModelVersion {
    String DEFAULT = "v0";

    String of(String tenantId);
}
