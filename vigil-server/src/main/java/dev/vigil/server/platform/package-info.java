/**
 * Platform: what every feature shares — configuration, the database (embedded or external PostgreSQL), HTTP error
 * rendering, endpoint access declarations and the backup registry. It knows no feature.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.vigil.server.platform;
