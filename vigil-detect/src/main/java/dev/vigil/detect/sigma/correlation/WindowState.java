package dev.vigil.detect.sigma.correlation;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sliding-window state of one correlation group. {@link #add} takes one matching event (the position of its rule in the
 * correlation's rule list, the value of the counted field, the event time) and returns the count when the correlation
 * fires; the state then starts over, so one burst gives one alert.
 */
sealed interface WindowState {

    /** @return the count reached when the correlation fires, or -1 */
    long add(int rulePosition, String value, long time);

    long lastSeen();

    /** event_count: events in the window. */
    final class EventCount implements WindowState {
        private final long span;
        private final CountCondition condition;
        private final ArrayDeque<Long> times = new ArrayDeque<>();
        private long lastSeen;

        EventCount(long span, CountCondition condition) {
            this.span = span;
            this.condition = condition;
        }

        @Override
        public long add(int rulePosition, String value, long time) {
            lastSeen = time;
            times.addLast(time);
            while (!times.isEmpty() && times.peekFirst() < time - span) {
                times.pollFirst();
            }
            long count = times.size();
            if (condition.holds(count)) {
                times.clear();
                return count;
            }
            return -1;
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
        public long add(int rulePosition, String value, long time) {
            lastSeen = time;
            if (value == null) {
                return -1;
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
                return count;
            }
            return -1;
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
        public long add(int rulePosition, String value, long time) {
            lastSeen = time;
            lastByRule[rulePosition] = time;
            for (long last : lastByRule) {
                if (last == Long.MIN_VALUE || last < time - span) {
                    return -1;
                }
            }
            Arrays.fill(lastByRule, Long.MIN_VALUE);
            return lastByRule.length;
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
        public long add(int rulePosition, String value, long time) {
            lastSeen = time;
            if (rulePosition == 0) {
                start[0] = time;
            } else if (start[rulePosition - 1] != Long.MIN_VALUE && time - start[rulePosition - 1] <= span) {
                start[rulePosition] = Math.max(start[rulePosition], start[rulePosition - 1]);
            }
            if (start[start.length - 1] != Long.MIN_VALUE) {
                Arrays.fill(start, Long.MIN_VALUE);
                return start.length;
            }
            return -1;
        }

        @Override
        public long lastSeen() {
            return lastSeen;
        }
    }
}
