package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InhibitionTest {

    private static final InhibitRule CRITICAL_MUTES_WARNING = new InhibitRule(
            MatcherParser.parseAll("severity=\"critical\""), MatcherParser.parseAll("severity=\"warning\""),
            List.of("component", "instance"));

    @Test
    void sourceMutesTargetOnlyWhenEqualLabelsAgree() {
        Map<String, String> warning = Map.of("severity", "warning", "component", "db", "instance", "h1");
        assertThat(CRITICAL_MUTES_WARNING.inhibits(warning,
                List.of(Map.of("severity", "critical", "component", "db", "instance", "h1")))).isTrue();
        assertThat(CRITICAL_MUTES_WARNING.inhibits(warning,
                List.of(Map.of("severity", "critical", "component", "db", "instance", "h2")))).isFalse();
        assertThat(CRITICAL_MUTES_WARNING.inhibits(warning,
                List.of(Map.of("severity", "critical", "component", "db")))).isFalse();
        assertThat(CRITICAL_MUTES_WARNING.inhibits(warning, List.of())).isFalse();
    }

    @Test
    void absentEqualLabelsOnBothSidesCountAsEqual() {
        assertThat(CRITICAL_MUTES_WARNING.inhibits(Map.of("severity", "warning"),
                List.of(Map.of("severity", "critical", "alertname", "Other")))).isTrue();
        assertThat(CRITICAL_MUTES_WARNING.inhibits(Map.of("severity", "warning", "instance", ""),
                List.of(Map.of("severity", "critical")))).isTrue();
    }

    @Test
    void targetMustMatchTheTargetMatchers() {
        assertThat(CRITICAL_MUTES_WARNING.inhibits(Map.of("severity", "info"),
                List.of(Map.of("severity", "critical")))).isFalse();
    }

    @Test
    void anAlertMatchingBothSidesDoesNotInhibitItselfNorItsTwin() {
        InhibitRule anyMutesAny = new InhibitRule(MatcherParser.parseAll("alertname=~\"Node.*\""),
                MatcherParser.parseAll("alertname=~\"Node.*\""), List.of("instance"));
        Map<String, String> down = Map.of("alertname", "NodeDown", "instance", "h1");
        Map<String, String> disk = Map.of("alertname", "NodeDisk", "instance", "h1");
        assertThat(anyMutesAny.inhibits(down, List.of(down))).isFalse();
        assertThat(anyMutesAny.inhibits(down, List.of(down, disk))).isFalse();
        // A source that matches only the source side still mutes a both-sides target.
        InhibitRule downMutesNode = new InhibitRule(MatcherParser.parseAll("alertname=~\"Node.*|HostDown\""),
                MatcherParser.parseAll("alertname=~\"Node.*\""), List.of("instance"));
        assertThat(downMutesNode.inhibits(down, List.of(Map.of("alertname", "HostDown", "instance", "h1")))).isTrue();
    }

    @Test
    void inhibitorChecksEveryRule() {
        Inhibitor inhibitor = new Inhibitor(List.of(CRITICAL_MUTES_WARNING, new InhibitRule(
                MatcherParser.parseAll("alertname=\"DatacenterDown\""), MatcherParser.parseAll("dc=\"eu\""), List.of())));
        assertThat(inhibitor.isInhibited(Map.of("dc", "eu", "severity", "info"),
                List.of(Map.of("alertname", "DatacenterDown")))).isTrue();
        assertThat(inhibitor.isInhibited(Map.of("dc", "us", "severity", "info"),
                List.of(Map.of("alertname", "DatacenterDown")))).isFalse();
    }
}
