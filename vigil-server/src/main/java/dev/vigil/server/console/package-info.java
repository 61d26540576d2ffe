/**
 * Console: the server-rendered web interface (Thymeleaf + htmx, assets served from the jar). Pages call the same
 * services as the REST API; nothing here holds business rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Console")
package dev.vigil.server.console;
