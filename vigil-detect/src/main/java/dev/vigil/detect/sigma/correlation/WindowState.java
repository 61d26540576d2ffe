package dev.vigil.detect.sigma.correlation;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sliding-window state of one correlation group. {@link #add} takes one matching event and returns what fired, or null;
 * after firing the state starts over, so one burst gives one alert.
 */
sealed interface WindowState permits WindowState.EventCount, WindowState.ValueCount, WindowState.Temporal,
        WindowState.Ordered, ValueAggregate {

    /**
     * One matching event as a correlation sees it.
     *
     * @param rulePosition the position of its rule in the correlation's rule list
     * @param text         the text of the condition field (value_count), or null
     * @param number       the numeric value of the condition field (value_* aggregates), or NaN
     * @param time         event time, epoch milliseconds
     * @param eventRef     the caller's reference to the event (e.g. its line number)
     */
    record Observation(int rulePosition, String text, double number, long time, long eventRef) {
    }

    /**
     * What a group reached when its correlation fired.
     *
     * @param count       events (event_count, value_*), distinct values (value_count) or rules (temporal types)
     * @param value       the computed sum, average or percentile; NaN for the counting types
     * @param windowStart time of the oldest event in the window, epoch milliseconds
     * @param events      references of the events in the window, oldest first (only the triggering event for
     *                    value_count and the temporal types)
     * @param truncated   the per-group cap dropped events that were still inside the timespan
     */
    record Fired(long count, double value, long windowStart, List<Long> events, boolean truncated) {

        static Fired counted(long count, Observation trigger) {
            return new Fired(count, Double.NaN, trigger.time(), List.of(trigger.eventRef()), false);
        }
    }

    /** @return what fired, or null */
    Fired add(Observation observation);

    long lastSeen();

    /**
     * event_count: events in the window. Only the latest {@link #MAX_REFS} event references are kept for the finding,
     * so that a large count does not double the window's memory.
     */
    final class EventCount implements WindowState {
        static final int MAX_REFS = 1000;
        private final long span;
        private final CountCondition condition;
        private final ArrayDeque<Long> times = new ArrayDeque<>();
        private final ArrayDeque<Long> refs = new ArrayDeque<>();
        private long lastSeen;

        EventCount(long span, CountCondition condition) {
            this.span = span;
            this.condition = condition;
        }

        @Override
        public Fired add(Observation observation) {
            long time = observation.time();
            lastSeen = time;
            times.addLast(time);
            refs.addLast(observation.eventRef());
            while (!times.isEmpty() && times.peekFirst() < time - span) {
                times.pollFirst();
                if (refs.size() > times.size()) {
                    refs.pollFirst();
                }
            }
            if (refs.size() > MAX_REFS) {
                refs.pollFirst();
            }
            long count = times.size();
            if (condition.holds(count)) {
                Fired fired = new Fired(count, Double.NaN, times.peekFirst(), List.copyOf(refs), false);
                times.clear();
                refs.clear();
                return fired;
            }
            return null;
        }

        @Override
        public long lastSeen() {
            return lastSeen;
        }
    }

    /** value_count: distinct values of a field in the window; at most {@code maxValues} are remembered per group. */
    final class ValueCount implements WindowState {
        private final long span;
        private final CountCondition condition;
        private final int maxValues;
        /** value to last time seen, oldest first */
        private final LinkedHashMap<String, Long> seen = new LinkedHashMap<>();
        private long lastSeen;

        ValueCount(long span, CountCondition condition, int maxValues) {
            this.span = span;
            this.condition = condition;
            this.maxValues = maxValues;
        }

        @Override
        public Fired add(Observation observation) {
            long time = observation.time();
            String value = observation.text();
            lastSeen = time;
            if (value == null) {
                return null;
            }
            seen.remove(value);
            seen.put(value, time);
            Iterator<Map.Entry<String, Long>> oldest = seen.entrySet().iterator();
            while (oldest.hasNext()) {
                Map.Entry<String, Long> entry = oldest.next();
                if (entry.getValue() >= time - span && seen.size() <= maxValues) {
                    break;
                }
                oldest.remove();
            }
            long count = seen.size();
            if (condition.holds(count)) {
                seen.clear();
                return Fired.counted(count, observation);
            }
            return null;
        }

        @Override
        public long lastSeen() {
            return lastSeen;
        }
    }

    /** temporal: every referenced rule matched within the window, in any order. */
    final class Temporal implements WindowState {
        private final long span;
        private final long[] lastByRule;
        private long lastSeen;

        Temporal(long span, int rules) {
            this.span = span;
            this.lastByRule = new long[rules];
            Arrays.fill(lastByRule, Long.MIN_VALUE);
        }

        @Override
        public Fired add(Observation observation) {
            long time = observation.time();
            lastSeen = time;
            lastByRule[observation.rulePosition()] = time;
            for (long last : lastByRule) {
                if (last == Long.MIN_VALUE || last < time - span) {
                    return null;
                }
            }
            Arrays.fill(lastByRule, Long.MIN_VALUE);
            return Fired.counted(lastByRule.length, observation);
        }

        @Override
        public long lastSeen() {
            return lastSeen;
        }
    }

    /**
     * temporal_ordered: the referenced rules matched in list order within the window. {@code start[k]} is the latest
     * start time of a partial sequence that has matched the first k+1 rules (the latest start leaves the most time).
     */
    final class Ordered implements WindowState {
        private final long span;
        private final long[] start;
        private long lastSeen;

        Ordered(long span, int rules) {
            this.span = span;
            this.start = new long[rules];
            Arrays.fill(start, Long.MIN_VALUE);
        }

        @Override
        public Fired add(Observation observation) {
            long time = observation.time();
            int rulePosition = observation.rulePosition();
            lastSeen = time;
            if (rulePosition == 0) {
                start[0] = time;
            } else if (start[rulePosition - 1] != Long.MIN_VALUE && time - start[rulePosition - 1] <= span) {
                start[rulePosition] = Math.max(start[rulePosition], start[rulePosition - 1]);
            }
            if (start[start.length - 1] != Long.MIN_VALUE) {
                Arrays.fill(start, Long.MIN_VALUE);
                return Fired.counted(start.length, observation);
            }
            return null;
        }

        @Override
        public long lastSeen() {
            return lastSeen;
        }
    }
}
