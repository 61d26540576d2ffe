package dev.vigil.server.incident.internal.playbook;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A parsed, validated playbook.
 *
 * @param trigger when it runs by itself (besides by hand)
 * @param steps   in the order they run
 */
public record PlaybookDefinition(String name, String description, Trigger trigger, List<Step> steps) {

    /**
     * Which new or graded incidents start the playbook: any of {@code types} (empty: any type) at {@code maxLevel} or
     * more severe (null: any level, also ungraded). {@code manual} playbooks never start by themselves.
     */
    public record Trigger(boolean manual, List<String> types, Integer maxLevel) {

        public boolean matches(String type, Integer level) {
            if (manual) {
                return false;
            }
            if (!types.isEmpty() && !types.contains(type)) {
                return false;
            }
            return maxLevel == null || (level != null && level <= maxLevel);
        }
    }

    /**
     * One step: its type-specific fields stay in {@code fields} (validated by the parser).
     *
     * @param when    null: always
     * @param retries further attempts after a failed one
     */
    public record Step(String name, String type, Condition when, Duration timeout, int retries, Map<String, Object> fields) {

        public String text(String field) {
            Object value = fields.get(field);
            return value == null ? null : value.toString();
        }
    }
}
