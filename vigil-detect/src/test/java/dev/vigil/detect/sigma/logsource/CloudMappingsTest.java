package dev.vigil.detect.sigma.logsource;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.testkit.Corpus;

/** The built-in cloud mappings: what they route, and which SigmaHQ cloud rules they leave out (and only those). */
class CloudMappingsTest {

    /** Services whose rules the mappings deliberately leave out: none any more. */
    private static final Map<String, Set<String>> LEFT_OUT = Map.of(
            "aws", Set.of(),
            "azure", Set.of(),
            "gcp", Set.of(),
            "okta", Set.of(),
            "m365", Set.of());

    private static List<SigmaRule> cloudRules;

    @Test
    void servicesRouteToTheParsersDatasets() throws Exception {
        assertThat(services("aws")).isEqualTo(Map.of("cloudtrail", List.of("aws.cloudtrail")));
        assertThat(services("azure")).isEqualTo(Map.of(
                "activitylogs", List.of("azure.activitylogs"),
                "auditlogs", List.of("azure.auditlogs"),
                "signinlogs", List.of("azure.signinlogs"),
                "riskdetection", List.of("azure.riskdetection"),
                "pim", List.of("azure.pim")));
        assertThat(services("gcp")).isEqualTo(Map.of("gcp.audit", List.of("gcp.audit"),
                "google_workspace.admin", List.of("gcp.audit"), "google_workspace.login", List.of("gcp.audit")));
        assertThat(services("okta")).isEqualTo(Map.of("okta", List.of("okta.system")));
        assertThat(services("m365")).isEqualTo(Map.of("audit", List.of("m365.audit"),
                "threat_management", List.of("m365.audit"), "threat_detection", List.of("m365.audit"),
                "exchange", List.of("m365.audit")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp", "okta", "m365"})
    void mappingIsForItsProductAndRoutesByDataset(String product) throws Exception {
        LogSourceMapping mapping = LogSourceMappingLoader.load(product);
        assertThat(mapping.name()).isEqualTo(product);
        assertThat(mapping.product()).isEqualTo(product);
        assertThat(mapping.channelField()).isEqualTo("event.dataset");
        assertThat(mapping.eventIdField()).isNull();
        assertThat(mapping.categories()).isEmpty();
    }

    /**
     * Every SigmaHQ rule of the product compiles, except those of the services left out on purpose (and placeholder
     * rules without values).
     */
    @ParameterizedTest
    @ValueSource(strings = {"aws", "azure", "gcp", "okta", "m365"})
    void coversTheCorpusRulesOfItsProduct(String product) throws Exception {
        List<SigmaRule> rules = corpusRulesOf(product);
        RuleSet ruleSet = RuleSet.compile(rules, LogSourceMappingLoader.load(product));

        Set<String> unmappedServices = new TreeSet<>();
        for (SkippedRule skipped : ruleSet.skipped()) {
            if (skipped.reason() == SkippedRule.Reason.NOT_EVALUABLE) {
                // rules-placeholder rules need values the deployment provides
                assertThat(skipped.detail()).startsWith("placeholder %");
            } else {
                unmappedServices.add(String.valueOf(skipped.rule().logsource().service()));
            }
        }
        assertThat(rules).as("corpus rules of %s", product).isNotEmpty();
        assertThat(unmappedServices).isSubsetOf(LEFT_OUT.get(product));
        assertThat(ruleSet.rules()).hasSize(rules.size() - ruleSet.skipped().size()).isNotEmpty();
    }

    /** A CloudTrail rule fires on a CloudTrail record and not on the same fields under another dataset. */
    @Test
    void rulesSeeOnlyTheirDataset() throws Exception {
        SigmaRule rule = new SigmaRuleParser().parseRule("""
                title: t
                id: 7b1e3c2a-0000-4000-8000-000000000001
                logsource: {product: aws, service: cloudtrail}
                detection:
                    selection: {eventSource: cloudtrail.amazonaws.com, eventName: StopLogging}
                    condition: selection
                """, "inline");
        RuleSet ruleSet = RuleSet.compile(List.of(rule), LogSourceMappingLoader.load("aws"));
        Map<String, Object> fields = Map.of("eventSource", "cloudtrail.amazonaws.com", "eventName", "StopLogging");

        assertThat(ruleSet.match(event(fields, "aws.cloudtrail"))).hasSize(1);
        assertThat(ruleSet.match(event(fields, "json"))).isEmpty();
        assertThat(ruleSet.match(event(fields, "azure.activitylogs"))).isEmpty();
    }

    private static JsonEvent event(Map<String, Object> fields, String dataset) {
        Map<String, Object> flat = new HashMap<>(fields);
        flat.put("event.dataset", dataset);
        return JsonEvent.ofFlat(flat);
    }

    /** Service -> channels. */
    private static Map<String, List<String>> services(String name) throws MappingException {
        Map<String, List<String>> channels = new HashMap<>();
        LogSourceMappingLoader.load(name).services().forEach((service, source) -> channels.put(service, source.channels()));
        return channels;
    }

    private static List<SigmaRule> corpusRulesOf(String product) {
        return cloudRules().stream().filter(rule -> product.equals(rule.logsource().product())).toList();
    }

    /** The corpus rules of the five cloud products, parsed once for all tests. */
    private static synchronized List<SigmaRule> cloudRules() {
        if (cloudRules == null) {
            SigmaRuleParser parser = new SigmaRuleParser();
            List<SigmaRule> rules = new ArrayList<>();
            try (Stream<Path> files = Files.walk(Corpus.require("sigma").resolve("rules"))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                    for (SigmaRule rule : parser.parse(file).rules()) {
                        if (LEFT_OUT.containsKey(String.valueOf(rule.logsource().product()))) {
                            rules.add(rule);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cloudRules = List.copyOf(rules);
        }
        return cloudRules;
    }
}
