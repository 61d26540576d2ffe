package dev.vigil.bastion.gateway;

/**
 * Where a granted channel goes: the target (ids are the server's), its address, and the target account to log in as.
 * {@code grantId} names the grant that allowed it, for the audit trail.
 */
public record UpstreamTarget(String targetId, String targetName, String host, int port, String accountId, String account, String grantId) {
}
