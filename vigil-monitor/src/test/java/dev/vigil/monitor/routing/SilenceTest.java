package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SilenceTest {

    private static final Instant START = Instant.parse("2026-11-29T10:00:00Z");
    private static final Instant END = Instant.parse("2026-11-29T12:00:00Z");

    private static Silence silence(String matchers) {
        return new Silence(MatcherParser.parseAll(matchers), START, END, "alice", "db maintenance");
    }

    @Test
    void silencesMatchingAlertsFromStartInclusiveToEndExclusive() {
        Silence s = silence("component=\"db\", severity=~\"warning|info\"");
        Map<String, String> alert = Map.of("component", "db", "severity", "warning");
        assertThat(s.isSilencing(alert, START.minusSeconds(1))).isFalse();
        assertThat(s.isSilencing(alert, START)).isTrue();
        assertThat(s.isSilencing(alert, END.minusMillis(1))).isTrue();
        assertThat(s.isSilencing(alert, END)).isFalse();
        assertThat(s.isExpired(END)).isTrue();
        assertThat(s.isExpired(START)).isFalse();
    }

    @Test
    void everyMatcherMustHold() {
        Silence s = silence("component=\"db\", env!=\"prod\"");
        Instant now = START.plusSeconds(60);
        assertThat(s.isSilencing(Map.of("component", "db"), now)).isTrue();
        assertThat(s.isSilencing(Map.of("component", "db", "env", "prod"), now)).isFalse();
        assertThat(s.isSilencing(Map.of("component", "web"), now)).isFalse();
    }

    @Test
    void rejectsSilencesThatAreIncompleteOrWouldSilenceEverything() {
        List<Matcher> db = MatcherParser.parseAll("component=\"db\"");
        assertThatThrownBy(() -> new Silence(List.of(), START, END, "a", "c")).hasMessageContaining("at least one matcher");
        assertThatThrownBy(() -> new Silence(MatcherParser.parseAll("env!=\"prod\", x=~\".*\""), START, END, "a", "c"))
                .hasMessageContaining("must not match the empty string");
        assertThatThrownBy(() -> new Silence(db, END, START, "a", "c")).hasMessageContaining("endsAt must be after startsAt");
        assertThatThrownBy(() -> new Silence(db, START, END, " ", "c")).hasMessageContaining("creator");
        assertThatThrownBy(() -> new Silence(db, START, END, "a", "")).hasMessageContaining("comment");
    }

    @Test
    void muteCheckCombinesSilencesAndInhibition() {
        Inhibitor inhibitor = new Inhibitor(List.of(new InhibitRule(MatcherParser.parseAll("severity=\"critical\""),
                MatcherParser.parseAll("severity=\"warning\""), List.of("instance"))));
        MuteCheck check = MuteCheck.of(inhibitor, () -> List.of(silence("component=\"db\"")));
        Instant now = START.plusSeconds(1);
        Alert dbWarning = Alert.firing(Map.of("component", "db", "severity", "warning"), START);
        Alert webWarning = Alert.firing(Map.of("component", "web", "severity", "warning", "instance", "h1"), START);
        Alert webCritical = Alert.firing(Map.of("component", "web", "severity", "critical", "instance", "h1"), START);
        assertThat(check.isMuted(dbWarning, List.of(), now)).isTrue();
        assertThat(check.isMuted(dbWarning, List.of(), END)).isFalse();
        assertThat(check.isMuted(webWarning, List.of(webWarning), now)).isFalse();
        assertThat(check.isMuted(webWarning, List.of(webWarning, webCritical), now)).isTrue();
        assertThat(check.isMuted(webCritical, List.of(webWarning, webCritical), now)).isFalse();
    }
}
