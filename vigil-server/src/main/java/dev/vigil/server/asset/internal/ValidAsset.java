package dev.vigil.server.asset.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.vigil.server.asset.AssetChange;
import dev.vigil.server.asset.AssetView;
import dev.vigil.server.platform.web.ProblemException;

/** An asset change checked and completed with the current values (or the defaults for a new asset). */
public record ValidAsset(String tenant, String name, String kind, String owner, String environment, int criticality,
        boolean internetExposed, String dataSensitivity, List<String> tags, String description, List<String> hostnames,
        List<String> addresses) {

    public static final String DEFAULT_TENANT = "platform";

    /** Checks the change against the asset it updates ({@code before}), or a new one when null; 400 naming the field. */
    public static ValidAsset of(AssetChange change, AssetView before) {
        String tenant = before != null ? before.tenant() : blank(change.tenant()) ? DEFAULT_TENANT : change.tenant().strip();
        if (before != null && !blank(change.tenant()) && !change.tenant().strip().equals(before.tenant())) {
            throw ProblemException.badRequest("invalid-input", "an asset cannot move to another tenant");
        }
        String name = pick(change.name(), before == null ? null : before.name());
        if (name == null || name.isBlank() || name.length() > 255 || name.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("invalid-input", "name is required (at most 255 characters)");
        }
        String kind = pick(change.kind(), before == null ? "host" : before.kind()).toLowerCase(Locale.ROOT);
        if (!AssetRows.KINDS.contains(kind)) {
            throw ProblemException.badRequest("invalid-input", "kind must be one of " + String.join(", ", AssetRows.KINDS));
        }
        int criticality = change.criticality() != null ? change.criticality() : before == null ? 3 : before.criticality();
        if (criticality < 1 || criticality > 5) {
            throw ProblemException.badRequest("invalid-input", "criticality must be 1 (negligible) to 5 (vital)");
        }
        String sensitivity = pick(change.dataSensitivity(), before == null ? "internal" : before.dataSensitivity())
                .toLowerCase(Locale.ROOT);
        if (!AssetRows.SENSITIVITIES.contains(sensitivity)) {
            throw ProblemException.badRequest("invalid-input", "dataSensitivity must be one of "
                    + String.join(", ", AssetRows.SENSITIVITIES));
        }
        boolean exposed = change.internetExposed() != null ? change.internetExposed()
                : before != null && before.internetExposed();
        List<String> tags = change.tags() != null ? tags(change.tags()) : before == null ? List.of() : before.tags();
        List<String> hostnames = change.hostnames() != null ? hostnames(change.hostnames())
                : before == null ? List.of() : before.hostnames();
        List<String> addresses = change.addresses() != null ? addresses(change.addresses())
                : before == null ? List.of() : before.addresses();
        return new ValidAsset(tenant, name.strip(), kind, limited("owner", pick(change.owner(), before == null ? "" : before.owner()), 200),
                limited("environment", pick(change.environment(), before == null ? "" : before.environment()), 100),
                criticality, exposed, sensitivity, tags,
                limited("description", pick(change.description(), before == null ? "" : before.description()), 4000),
                hostnames, addresses);
    }

    private static List<String> tags(List<String> raw) {
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : raw) {
            if (tag == null || tag.isBlank() || tag.length() > 100 || tag.indexOf('\0') >= 0) {
                throw ProblemException.badRequest("invalid-input", "tags must be non-empty, at most 100 characters");
            }
            tags.add(tag.strip());
        }
        return new ArrayList<>(tags);
    }

    private static List<String> hostnames(List<String> raw) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            values.add(HostIdentifiers.hostname(value).orElseThrow(() -> ProblemException.badRequest("invalid-input",
                    "'" + value + "' is not a host name")));
        }
        return new ArrayList<>(values);
    }

    private static List<String> addresses(List<String> raw) {
        Set<String> values = new LinkedHashSet<>();
        for (String value : raw) {
            values.add(HostIdentifiers.address(value).orElseThrow(() -> ProblemException.badRequest("invalid-input",
                    "'" + value + "' is not an IP address")));
        }
        return new ArrayList<>(values);
    }

    private static String limited(String field, String value, int max) {
        if (value.indexOf('\0') >= 0) {
            throw ProblemException.badRequest("invalid-input", field + " contains a NUL character");
        }
        if (value.length() > max) {
            throw ProblemException.badRequest("invalid-input", field + " is longer than " + max + " characters");
        }
        return value.strip();
    }

    private static String pick(String value, String fallback) {
        return value != null ? value : fallback;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
