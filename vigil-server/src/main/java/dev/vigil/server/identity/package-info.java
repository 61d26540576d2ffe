/**
 * Identity and permissions: users, groups, roles, permissions (resource, action, scope), tenants, API tokens,
 * sign-in with Argon2id passwords, TOTP and lockout, the console session and bearer authentication, and the
 * separation-of-duties rules other features apply.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package dev.vigil.server.identity;
