package dev.vigil.server.identity;

import java.util.List;
import java.util.UUID;

/** A group of users; its roles apply to every member. */
public record GroupView(UUID id, String name, String description, List<String> members, List<String> roles) {
}
