/**
 * Audit: the one interface ({@link dev.vigil.server.audit.AuditLog}) through which every state change, login and
 * refusal is recorded with actor, source address, action, object, tenant and outcome; and read access for auditors.
 * Records are append-only (no update or delete path, enforced by database triggers too).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package dev.vigil.server.audit;
