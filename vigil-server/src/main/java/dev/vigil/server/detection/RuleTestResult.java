package dev.vigil.server.detection;

import java.util.List;

/**
 * What a rule did on pasted events: the matching lines (1-based) with the rules that matched, and the lines that are
 * not JSON objects.
 */
public record RuleTestResult(int events, List<Match> matches, List<String> errors) {

    public record Match(int line, List<String> rules) {
    }
}
