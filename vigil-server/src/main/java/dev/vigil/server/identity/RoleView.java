package dev.vigil.server.identity;

import java.util.List;
import java.util.UUID;

/** A role as the API shows it. */
public record RoleView(UUID id, String name, String description, boolean builtin, List<String> permissions) {
}
