package dev.vigil.vuln.advisory;

import java.util.List;

/**
 * An OSV version range: events in the ordering its type names.
 *
 * @param repo the repository of a {@code GIT} range, else null
 */
public record AffectedRange(Type type, String repo, List<Event> events) {

    public enum Type {
        /** SemVer 2.0 ordering whatever the ecosystem. */
        SEMVER,
        /** The ecosystem's own ordering. */
        ECOSYSTEM,
        /** Commit hashes: they order only along a repository's history, so versions cannot be placed in them. */
        GIT
    }

    public enum EventKind {
        INTRODUCED("introduced"), FIXED("fixed"), LAST_AFFECTED("last_affected"), LIMIT("limit");

        private final String field;

        EventKind(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    public record Event(EventKind kind, String version) {
    }

    public AffectedRange {
        events = List.copyOf(events);
    }
}
