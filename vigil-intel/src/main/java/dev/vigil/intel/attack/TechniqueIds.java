package dev.vigil.intel.attack;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the ATT&CK technique ids ({@code T1059}, {@code T1059.001}) a text names: MISP galaxy tags
 * ({@code misp-galaxy:mitre-attack-pattern="Command and Scripting Interpreter - T1059"}), Sigma-style tags
 * ({@code attack.t1059.001}), or a bare id. Ids must stand alone (not inside a longer word or number).
 */
public final class TechniqueIds {

    private static final Pattern ID = Pattern.compile("(?i)(?<![a-z0-9])t(\\d{4})(\\.\\d{3})?(?![0-9a-z])");

    private TechniqueIds() {
    }

    /** The ids in the text, upper case, in order of appearance, each once. */
    public static List<String> in(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = ID.matcher(text);
        while (matcher.find()) {
            ids.add("T" + matcher.group(1) + (matcher.group(2) == null ? "" : matcher.group(2)));
        }
        return List.copyOf(ids);
    }

    /** The ids of a text only when it is an ATT&CK reference: a MITRE galaxy or tag, or a technique id by itself. */
    public static List<String> inTag(String tag) {
        if (tag == null) {
            return List.of();
        }
        String lower = tag.strip().toLowerCase(Locale.ROOT);
        if (lower.contains("mitre-attack") || lower.startsWith("attack.") || lower.startsWith("mitre")
                || lower.matches("t\\d{4}(\\.\\d{3})?")) {
            return in(tag);
        }
        return List.of();
    }

    /** The ids of several tags, each once. */
    public static List<String> inTags(Iterable<String> tags) {
        Set<String> ids = new LinkedHashSet<>();
        for (String tag : tags) {
            ids.addAll(inTag(tag));
        }
        return new ArrayList<>(ids);
    }
}
