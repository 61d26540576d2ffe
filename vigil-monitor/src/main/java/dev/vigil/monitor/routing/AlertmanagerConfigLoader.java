package dev.vigil.monitor.routing;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import dev.vigil.monitor.promql.parse.Durations;
import dev.vigil.monitor.yaml.YamlException;
import dev.vigil.monitor.yaml.YamlTree;
import dev.vigil.monitor.yaml.YamlTree.Located;

/**
 * Reads an {@code alertmanager.yml}: {@code route}, {@code receivers}, {@code time_intervals} (and the older
 * top-level {@code mute_time_intervals}), {@code inhibit_rules}; {@code global} and {@code templates} are accepted and
 * ignored. Every error is a {@link YamlException} starting with {@code file:line:column:} and naming the key.
 */
public final class AlertmanagerConfigLoader {

    private static final Set<String> TOP_KEYS = Set.of("global", "route", "receivers", "inhibit_rules", "time_intervals",
            "mute_time_intervals", "templates");
    private static final Set<String> ROUTE_KEYS = Set.of("receiver", "group_by", "match", "match_re", "matchers",
            "continue", "routes", "group_wait", "group_interval", "repeat_interval", "mute_time_intervals",
            "active_time_intervals");
    private static final Set<String> INHIBIT_KEYS = Set.of("source_matchers", "target_matchers", "equal", "source_match",
            "source_match_re", "target_match", "target_match_re");
    private static final Set<String> INTERVAL_KEYS = Set.of("name", "time_intervals");
    private static final Set<String> PERIOD_KEYS = Set.of("times", "weekdays", "days_of_month", "months", "years",
            "location");
    private static final Set<String> TIME_RANGE_KEYS = Set.of("start_time", "end_time");
    private static final List<String> WEEKDAYS = List.of("sunday", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday");
    private static final List<String> MONTHS = List.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december");

    private final Map<String, Receiver> receivers = new LinkedHashMap<>();
    private final Map<String, TimeInterval> timeIntervals = new LinkedHashMap<>();
    /** Receiver and time-interval references, checked once everything is read. */
    private final List<Reference> references = new ArrayList<>();

    private record Reference(Located node, String key, String name, boolean receiver) {
    }

    private AlertmanagerConfigLoader() {
    }

    public static AlertmanagerConfig load(Path file) {
        Located root = YamlTree.read(file);
        if (root == null) {
            throw new YamlException(file + ": empty configuration (no route)");
        }
        return new AlertmanagerConfigLoader().read(root);
    }

    private AlertmanagerConfig read(Located document) {
        Map<String, Located> top = document.map(TOP_KEYS);
        for (String key : List.of("time_intervals", "mute_time_intervals")) {
            if (top.containsKey(key)) {
                readTimeIntervals(top.get(key), key);
            }
        }
        if (top.containsKey("receivers")) {
            readReceivers(top.get("receivers"));
        }
        Located routeNode = top.get("route");
        if (routeNode == null || routeNode.isNull()) {
            throw document.error("route: no route provided in config");
        }
        Route root = readRoute(routeNode, "route", null, "0");
        List<InhibitRule> inhibitRules = new ArrayList<>();
        if (top.containsKey("inhibit_rules")) {
            List<Located> rules = top.get("inhibit_rules").list();
            for (int i = 0; i < rules.size(); i++) {
                inhibitRules.add(readInhibitRule(rules.get(i), "inhibit_rules[" + i + "]"));
            }
        }
        for (Reference ref : references) {
            if (ref.receiver() && !receivers.containsKey(ref.name())) {
                throw ref.node().error(ref.key() + ": undefined receiver \"" + ref.name() + "\" used in route");
            }
            if (!ref.receiver() && !timeIntervals.containsKey(ref.name())) {
                throw ref.node().error(ref.key() + ": undefined time interval \"" + ref.name() + "\" used in route");
            }
        }
        return new AlertmanagerConfig(new RoutingTree(root), receivers, timeIntervals, new Inhibitor(inhibitRules));
    }

    private void readReceivers(Located node) {
        List<Located> list = node.list();
        for (int i = 0; i < list.size(); i++) {
            String key = "receivers[" + i + "]";
            Map<String, Located> entry = list.get(i).map(null);
            Located name = entry.get("name");
            if (name == null || name.isNull() || name.string().isEmpty()) {
                throw list.get(i).error(key + ".name: missing name on receiver");
            }
            Map<String, Object> integrations = new LinkedHashMap<>();
            entry.forEach((k, v) -> {
                if (!k.equals("name")) {
                    integrations.put(k, plain(v));
                }
            });
            if (receivers.put(name.string(), new Receiver(name.string(), integrations)) != null) {
                throw name.error(key + ".name: notification config name \"" + name.string() + "\" is not unique");
            }
        }
    }

    private static Object plain(Located node) {
        if (node.isNull()) {
            return null;
        }
        return switch (node.node()) {
            case ScalarNode s -> s.getValue();
            case SequenceNode s -> node.list().stream().map(AlertmanagerConfigLoader::plain).toList();
            case MappingNode m -> {
                Map<String, Object> out = new LinkedHashMap<>();
                for (NodeTuple t : m.getValue()) {
                    out.put(new Located(node.tree(), t.getKeyNode()).string(), plain(new Located(node.tree(), t.getValueNode())));
                }
                yield Collections.unmodifiableMap(out);
            }
            default -> throw node.error("unsupported YAML node");
        };
    }

    private Route readRoute(Located node, String key, Route parent, String id) {
        Map<String, Located> fields = node.map(ROUTE_KEYS);
        String receiver = parent == null ? null : parent.receiver();
        if (fields.containsKey("receiver") && !fields.get("receiver").isNull()) {
            Located r = fields.get("receiver");
            receiver = r.string();
            references.add(new Reference(r, key + ".receiver", receiver, true));
        }
        List<Matcher> matchers = readRouteMatchers(fields, key);
        if (parent == null) {
            if (receiver == null || receiver.isEmpty()) {
                throw node.error(key + ".receiver: root route must specify a default receiver");
            }
            if (!matchers.isEmpty()) {
                throw node.error(key + ": root route must not have any matchers");
            }
            for (String k : List.of("mute_time_intervals", "active_time_intervals")) {
                if (fields.containsKey(k) && !fields.get(k).list().isEmpty()) {
                    throw fields.get(k).error(key + "." + k + ": root route must not have any " + k.replace('_', ' '));
                }
            }
        }
        Route.GroupBy groupBy = fields.containsKey("group_by") ? readGroupBy(fields.get("group_by"), key + ".group_by")
                : parent == null ? new Route.GroupBy(false, List.of()) : parent.groupBy();
        Route.Timing inherited = parent == null ? Route.Timing.DEFAULTS : parent.timing();
        Route.Timing timing = new Route.Timing(
                duration(fields, "group_wait", key, inherited.groupWait(), true),
                duration(fields, "group_interval", key, inherited.groupInterval(), false),
                duration(fields, "repeat_interval", key, inherited.repeatInterval(), false));
        boolean continueMatching = fields.containsKey("continue") && bool(fields.get("continue"), key + ".continue");
        Route route = new Route(id, receiver, matchers, continueMatching, groupBy, timing,
                intervalNames(fields, "mute_time_intervals", key), intervalNames(fields, "active_time_intervals", key));
        if (fields.containsKey("routes")) {
            List<Located> children = fields.get("routes").list();
            for (int i = 0; i < children.size(); i++) {
                route.addChild(readRoute(children.get(i), key + ".routes[" + i + "]", route, id + "." + i));
            }
        }
        return route;
    }

    private List<Matcher> readRouteMatchers(Map<String, Located> fields, String key) {
        List<Matcher> matchers = new ArrayList<>();
        matchers.addAll(legacyMatchers(fields.get("match"), key + ".match", Matcher.Type.EQUAL));
        matchers.addAll(legacyMatchers(fields.get("match_re"), key + ".match_re", Matcher.Type.REGEX));
        matchers.addAll(matcherList(fields.get("matchers"), key + ".matchers"));
        return matchers;
    }

    private static List<Matcher> legacyMatchers(Located node, String key, Matcher.Type type) {
        List<Matcher> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (Map.Entry<String, Located> e : node.map(null).entrySet()) {
            String value = e.getValue().isNull() ? "" : e.getValue().string();
            try {
                out.add(Matcher.of(e.getKey(), type, value));
            } catch (IllegalArgumentException ex) {
                throw e.getValue().error(key + "." + e.getKey() + ": " + ex.getMessage());
            }
        }
        return out;
    }

    private static List<Matcher> matcherList(Located node, String key) {
        List<Matcher> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        List<Located> items = node.list();
        for (int i = 0; i < items.size(); i++) {
            try {
                out.addAll(MatcherParser.parseAll(items.get(i).string()));
            } catch (IllegalArgumentException e) {
                throw items.get(i).error(key + "[" + i + "]: " + e.getMessage());
            }
        }
        return out;
    }

    private static Route.GroupBy readGroupBy(Located node, String key) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        boolean all = false;
        for (Located item : node.list()) {
            String name = item.string();
            if (name.equals("...")) {
                all = true;
                continue;
            }
            if (!MatcherParser.isLabelName(name)) {
                throw item.error(key + ": invalid label name \"" + name + "\" in group_by list");
            }
            if (!seen.add(name)) {
                throw item.error(key + ": duplicated label \"" + name + "\" in group_by");
            }
            labels.add(name);
        }
        if (all && !labels.isEmpty()) {
            throw node.error(key + ": cannot have wildcard group_by (`...`) and other labels at the same time");
        }
        return new Route.GroupBy(all, labels);
    }

    private static Duration duration(Map<String, Located> fields, String name, String key, Duration inherited,
            boolean zeroAllowed) {
        Located node = fields.get(name);
        if (node == null || node.isNull()) {
            return inherited;
        }
        long ms;
        try {
            ms = Durations.parse(node.string());
        } catch (IllegalArgumentException e) {
            throw node.error(key + "." + name + ": bad duration: " + e.getMessage());
        }
        if (ms == 0 && !zeroAllowed) {
            throw node.error(key + "." + name + ": " + name + " cannot be zero");
        }
        return Duration.ofMillis(ms);
    }

    private static boolean bool(Located node, String key) {
        // YAML 1.1 booleans, as Alertmanager's YAML library reads them.
        return switch (node.string().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "on" -> true;
            case "false", "no", "n", "off" -> false;
            default -> throw node.error(key + ": expected true or false, got \"" + node.string() + "\"");
        };
    }

    private List<String> intervalNames(Map<String, Located> fields, String name, String key) {
        List<String> out = new ArrayList<>();
        if (!fields.containsKey(name)) {
            return out;
        }
        List<Located> items = fields.get(name).list();
        for (int i = 0; i < items.size(); i++) {
            String interval = items.get(i).string();
            references.add(new Reference(items.get(i), key + "." + name + "[" + i + "]", interval, false));
            out.add(interval);
        }
        return out;
    }

    private static InhibitRule readInhibitRule(Located node, String key) {
        Map<String, Located> fields = node.map(INHIBIT_KEYS);
        List<Matcher> source = new ArrayList<>(matcherList(fields.get("source_matchers"), key + ".source_matchers"));
        source.addAll(legacyMatchers(fields.get("source_match"), key + ".source_match", Matcher.Type.EQUAL));
        source.addAll(legacyMatchers(fields.get("source_match_re"), key + ".source_match_re", Matcher.Type.REGEX));
        List<Matcher> target = new ArrayList<>(matcherList(fields.get("target_matchers"), key + ".target_matchers"));
        target.addAll(legacyMatchers(fields.get("target_match"), key + ".target_match", Matcher.Type.EQUAL));
        target.addAll(legacyMatchers(fields.get("target_match_re"), key + ".target_match_re", Matcher.Type.REGEX));
        List<String> equal = new ArrayList<>();
        if (fields.containsKey("equal")) {
            for (Located item : fields.get("equal").list()) {
                if (!MatcherParser.isLabelName(item.string())) {
                    throw item.error(key + ".equal: invalid label name \"" + item.string() + "\"");
                }
                equal.add(item.string());
            }
        }
        return new InhibitRule(source, target, equal);
    }

    private void readTimeIntervals(Located node, String key) {
        List<Located> list = node.list();
        for (int i = 0; i < list.size(); i++) {
            String entryKey = key + "[" + i + "]";
            Map<String, Located> fields = list.get(i).map(INTERVAL_KEYS);
            Located name = fields.get("name");
            if (name == null || name.isNull() || name.string().isEmpty()) {
                throw list.get(i).error(entryKey + ".name: missing name in time interval");
            }
            List<TimePeriod> periods = new ArrayList<>();
            if (fields.containsKey("time_intervals")) {
                List<Located> items = fields.get("time_intervals").list();
                for (int j = 0; j < items.size(); j++) {
                    periods.add(readPeriod(items.get(j), entryKey + ".time_intervals[" + j + "]"));
                }
            }
            if (timeIntervals.put(name.string(), new TimeInterval(name.string(), periods)) != null) {
                throw name.error(entryKey + ".name: time interval \"" + name.string() + "\" is not unique");
            }
        }
    }

    private static TimePeriod readPeriod(Located node, String key) {
        Map<String, Located> fields = node.map(PERIOD_KEYS);
        List<TimePeriod.Range> times = new ArrayList<>();
        if (fields.containsKey("times")) {
            for (Located item : fields.get("times").list()) {
                Map<String, Located> range = item.map(TIME_RANGE_KEYS);
                int start = minuteOfDay(range.get("start_time"), item, key + ".times.start_time");
                int end = minuteOfDay(range.get("end_time"), item, key + ".times.end_time");
                if (start >= end) {
                    throw item.error(key + ".times: start time cannot be equal or greater than end time");
                }
                times.add(new TimePeriod.Range(start, end));
            }
        }
        List<TimePeriod.Range> weekdays = ranges(fields.get("weekdays"), key + ".weekdays", s -> weekday(s), 0, 6);
        List<TimePeriod.Range> days = ranges(fields.get("days_of_month"), key + ".days_of_month", Integer::parseInt, -31, 31);
        for (TimePeriod.Range r : days) {
            if (r.begin() == 0 || r.end() == 0) {
                throw fields.get("days_of_month").error(key + ".days_of_month: 0 is not a valid day of the month");
            }
            if (r.begin() < 0 && r.end() > 0) {
                throw fields.get("days_of_month").error(key + ".days_of_month: end day must be negative if start day is negative");
            }
        }
        List<TimePeriod.Range> months = ranges(fields.get("months"), key + ".months", s -> named(s, MONTHS, 1), 1, 12);
        List<TimePeriod.Range> years = ranges(fields.get("years"), key + ".years", Integer::parseInt, 0, 9999);
        ZoneId location = null;
        if (fields.containsKey("location") && !fields.get("location").isNull()) {
            String zone = fields.get("location").string();
            try {
                location = zone.equals("Local") ? ZoneId.systemDefault() : zone.isEmpty() ? null : ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw fields.get("location").error(key + ".location: unknown time zone \"" + zone + "\"");
            }
        }
        return new TimePeriod(times, weekdays, days, months, years, location);
    }

    private static int minuteOfDay(Located node, Located parent, String key) {
        if (node == null || node.isNull()) {
            throw parent.error(key + ": missing");
        }
        String text = node.string();
        if (text.equals("24:00")) {
            return 24 * 60;
        }
        if (!text.matches("([01][0-9]|2[0-3]):[0-5][0-9]")) {
            throw node.error(key + ": invalid time of day \"" + text + "\" (expected HH:MM, 00:00 to 24:00)");
        }
        return Integer.parseInt(text.substring(0, 2)) * 60 + Integer.parseInt(text.substring(3));
    }

    private static int weekday(String text) {
        int index = WEEKDAYS.indexOf(text.toLowerCase(Locale.ROOT));
        if (index < 0) {
            throw new NumberFormatException(text);
        }
        return index;
    }

    private static int named(String text, List<String> names, int first) {
        int index = names.indexOf(text.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            return index + first;
        }
        return Integer.parseInt(text);
    }

    private static List<TimePeriod.Range> ranges(Located node, String key, ToIntFunction<String> parse,
            int min, int max) {
        List<TimePeriod.Range> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        for (Located item : node.list()) {
            String text = item.string().strip();
            int colon = text.indexOf(':', text.startsWith("-") ? 1 : 0);
            int begin;
            int end;
            try {
                begin = parse.applyAsInt(colon < 0 ? text : text.substring(0, colon).strip());
                end = colon < 0 ? begin : parse.applyAsInt(text.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw item.error(key + ": invalid value \"" + text + "\"");
            }
            if (begin < min || begin > max || end < min || end > max) {
                throw item.error(key + ": \"" + text + "\" is out of range " + min + " to " + max);
            }
            if ((begin < 0) == (end < 0) && begin > end) {
                throw item.error(key + ": start of \"" + text + "\" cannot be after its end");
            }
            out.add(new TimePeriod.Range(begin, end));
        }
        return out;
    }
}
