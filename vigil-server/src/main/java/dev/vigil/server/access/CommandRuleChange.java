package dev.vigil.server.access;

import java.util.List;

/**
 * A command rule as written by an administrator: {@code programs} (base names) and/or {@code pattern} (a Java regular
 * expression found in the command); {@code action} allow, warn, review or deny; lower {@code priority} is checked
 * first; {@code targetGroup} and {@code account} narrow where it applies (empty: everywhere).
 */
public record CommandRuleChange(String name, Integer priority, String targetGroup, String account, List<String> programs, String pattern,
        String action, String description) {
}
