package dev.vigil.detect.sigma.logsource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import org.junit.jupiter.api.Test;

/**
 * A rule that names only its product covers that product's events. Every normalized event has an
 * {@code event.dataset}, so the mappings routed by it list their product's datasets; Windows needs no list, because only
 * Windows events have a {@code Channel}.
 */
class ProductChannelsTest {

    private static RuleSet compile(String product, String mapping) throws Exception {
        SigmaRule rule = new SigmaRuleParser().parseRule("""
                title: Marker anywhere
                id: 11111111-2222-4333-8444-555555555555
                logsource:
                    product: %s
                detection:
                    keywords:
                        - '*marker-42*'
                    condition: keywords
                """.formatted(product), "test");
        return RuleSet.compile(List.of(rule), LogSourceMappingLoader.load(mapping));
    }

    private static JsonEvent event(String dataset, String message) {
        return JsonEvent.ofFlat(Map.of("event.dataset", dataset, "message", message));
    }

    @Test
    void aLinuxProductRuleSeesLinuxDatasetsOnly() throws Exception {
        RuleSet linux = compile("linux", "linux");
        assertThat(linux.match(event("system.auth", "sshd: marker-42"))).hasSize(1);
        assertThat(linux.match(event("auditd", "marker-42"))).hasSize(1);
        assertThat(linux.match(event("windows.sysmon", "marker-42"))).isEmpty();
        assertThat(linux.match(event("aws.cloudtrail", "marker-42"))).isEmpty();
        assertThat(linux.match(event("json", "marker-42"))).isEmpty();
    }

    @Test
    void cloudProductRulesSeeTheirOwnDatasets() throws Exception {
        for (var product : Map.of("aws", "aws.cloudtrail", "azure", "azure.signinlogs", "gcp", "gcp.audit", "okta", "okta.system",
                "m365", "m365.audit").entrySet()) {
            RuleSet rules = compile(product.getKey(), product.getKey());
            assertThat(rules.match(event(product.getValue(), "marker-42"))).as(product.getKey()).hasSize(1);
            assertThat(rules.match(event("system.auth", "marker-42"))).as(product.getKey()).isEmpty();
        }
    }

    @Test
    void aMappingWithoutProductChannelsKeepsEveryChannel() throws Exception {
        assertThat(LogSourceMappingLoader.windows().productChannels()).isNull();
        RuleSet windows = compile("windows", "windows");
        assertThat(windows.match(JsonEvent.ofFlat(Map.of("Channel", "Security", "EventID", 4688, "CommandLine", "marker-42"))))
                .hasSize(1);
    }
}
