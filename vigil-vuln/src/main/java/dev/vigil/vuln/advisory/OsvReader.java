package dev.vigil.vuln.advisory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.json.JsonCursor;

/**
 * Reads an OSV record (ossf/osv-schema). Besides the schema's shape it refuses what the OSV linter calls broken:
 * a range without an {@code introduced} event, events of a range that are not distinct, an event with more or
 * fewer than one of introduced/fixed/last_affected/limit, both {@code fixed} and {@code last_affected} in one range,
 * an ECOSYSTEM or SEMVER range or explicit versions without a package, a GIT range without its repository.
 */
public final class OsvReader {

    private OsvReader() {
    }

    /** True when the object looks like an OSV record rather than another JSON document. */
    public static boolean recognises(JsonCursor root) {
        return root.isObject() && root.has("id") && (root.has("modified") || root.has("affected") || root.has("schema_version"));
    }

    public static Advisory read(JsonCursor root) throws InvalidInputException {
        root.requireObject();
        String id = root.requiredText("id");
        if (root.has("modified") && RecordDates.parse(root.text("modified")) == null) {
            throw root.error(root.pointer("modified"), "\"modified\" is not an RFC 3339 timestamp");
        }
        List<AdvisorySeverity> severities = new ArrayList<>();
        for (JsonCursor severity : root.objects("severity")) {
            severities.add(new AdvisorySeverity(severity.requiredText("type"), severity.requiredText("score"), null));
        }
        List<AffectedPackage> affected = new ArrayList<>();
        for (JsonCursor entry : root.objects("affected")) {
            affected.add(affected(entry));
        }
        List<String> aliases = root.texts("aliases").stream().filter(a -> !a.equalsIgnoreCase(id)).distinct().toList();
        return new Advisory(id, AdvisoryFormat.OSV, root.source(), summary(root), aliases,
                RecordDates.parse(root.text("published")), RecordDates.parse(root.text("modified")),
                RecordDates.parse(root.text("withdrawn")), severities, affected, root.json());
    }

    private static String summary(JsonCursor root) throws InvalidInputException {
        String summary = root.text("summary");
        if (summary == null || summary.isBlank()) {
            summary = root.text("details");
        }
        return summary == null ? "" : summary.strip();
    }

    private static AffectedPackage affected(JsonCursor entry) throws InvalidInputException {
        JsonCursor pkg = entry.object("package");
        String ecosystem = null;
        String name = null;
        String purl = null;
        if (pkg != null) {
            ecosystem = pkg.requiredText("ecosystem");
            name = pkg.requiredText("name");
            purl = pkg.text("purl");
        }
        List<AffectedRange> ranges = new ArrayList<>();
        for (JsonCursor range : entry.objects("ranges")) {
            ranges.add(range(range, pkg != null));
        }
        List<String> versions = entry.texts("versions");
        if (pkg == null && !versions.isEmpty()) {
            throw entry.error(entry.pointer("versions"), "explicit versions need a package to belong to");
        }
        if (pkg == null && ranges.isEmpty()) {
            throw entry.error(entry.pointer(), "an affected entry needs a package or GIT ranges");
        }
        return new AffectedPackage(ecosystem, name, purl, null, null, List.of(), ranges, versions, List.of(), null,
                entry.pointer());
    }

    private static AffectedRange range(JsonCursor range, boolean hasPackage) throws InvalidInputException {
        String typeText = range.requiredText("type");
        AffectedRange.Type type;
        try {
            type = AffectedRange.Type.valueOf(typeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw range.error(range.pointer("type"), "unknown range type \"" + typeText + "\" (SEMVER, ECOSYSTEM or GIT)");
        }
        String repo = range.text("repo");
        if (type == AffectedRange.Type.GIT && (repo == null || repo.isBlank())) {
            throw range.error(range.pointer("repo"), "a GIT range needs the repository it refers to");
        }
        if (type != AffectedRange.Type.GIT && !hasPackage) {
            throw range.error(range.pointer(), "a " + type + " range needs a package to belong to");
        }
        List<JsonCursor> eventCursors = range.objects("events");
        if (eventCursors.isEmpty()) {
            throw range.error(range.pointer("events"), "a range needs at least one event");
        }
        List<AffectedRange.Event> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonCursor cursor : eventCursors) {
            AffectedRange.Event event = event(cursor);
            if (!seen.add(event.version())) {
                throw cursor.error(cursor.pointer(), "events of a range must be distinct: \"" + event.version()
                        + "\" appears more than once");
            }
            events.add(event);
        }
        if (events.stream().noneMatch(e -> e.kind() == AffectedRange.EventKind.INTRODUCED)) {
            throw range.error(range.pointer("events"), "a range needs an \"introduced\" event");
        }
        if (events.stream().anyMatch(e -> e.kind() == AffectedRange.EventKind.FIXED)
                && events.stream().anyMatch(e -> e.kind() == AffectedRange.EventKind.LAST_AFFECTED)) {
            throw range.error(range.pointer("events"), "a range may have \"fixed\" or \"last_affected\" events, not both");
        }
        return new AffectedRange(type, repo, events);
    }

    private static AffectedRange.Event event(JsonCursor cursor) throws InvalidInputException {
        AffectedRange.Event found = null;
        for (AffectedRange.EventKind kind : AffectedRange.EventKind.values()) {
            String value = cursor.text(kind.field());
            if (value == null) {
                continue;
            }
            if (found != null) {
                throw cursor.error(cursor.pointer(), "an event has exactly one of introduced, fixed, last_affected, limit");
            }
            if (value.isBlank()) {
                throw cursor.error(cursor.pointer(kind.field()), "empty version");
            }
            found = new AffectedRange.Event(kind, value.strip());
        }
        if (found == null) {
            throw cursor.error(cursor.pointer(), "an event has exactly one of introduced, fixed, last_affected, limit");
        }
        return found;
    }
}
