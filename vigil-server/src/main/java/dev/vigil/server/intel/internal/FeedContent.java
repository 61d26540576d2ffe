package dev.vigil.server.intel.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.server.platform.web.ProblemException;

/**
 * What reading a feed produced: its indicators by reference (a later one with the same reference replaces the
 * earlier), references the feed revoked, and what was skipped and why.
 */
public final class FeedContent {

    public static final int MAX_INDICATORS = 5_000_000;
    public static final int MAX_PROBLEMS_REPORTED = 1000;

    /** An indicator with the description its feed gave (empty when none) and the ATT&CK techniques it relates it to. */
    public record Entry(Indicator indicator, String description, List<String> techniques) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Set<String> revoked = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private int problemCount;

    public void add(Indicator indicator, String description) {
        add(indicator, description, List.of());
    }

    public void add(Indicator indicator, String description, List<String> techniques) {
        if (entries.size() >= MAX_INDICATORS && !entries.containsKey(indicator.id())) {
            throw ProblemException.badRequest("feed-too-large", "a feed holds at most " + MAX_INDICATORS + " indicators");
        }
        entries.put(indicator.id(), new Entry(indicator, description == null ? "" : description, List.copyOf(techniques)));
        revoked.remove(indicator.id());
    }

    public void revoke(String ref) {
        entries.remove(ref);
        revoked.add(ref);
    }

    public void problem(String reason) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS_REPORTED) {
            problems.add(reason);
        }
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }

    public Set<String> revoked() {
        return revoked;
    }

    /** The first {@value #MAX_PROBLEMS_REPORTED} problems. */
    public List<String> problems() {
        return problems;
    }

    public int problemCount() {
        return problemCount;
    }
}
