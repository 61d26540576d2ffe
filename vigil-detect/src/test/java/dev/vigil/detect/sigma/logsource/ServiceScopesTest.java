package dev.vigil.detect.sigma.logsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;

/**
 * Services that share a channel with others: their own conditions, required fields and field mappings (plain renames,
 * templates over several fields, selections from name/value lists), also inherited by the category sources on them.
 */
class ServiceScopesTest {

    private static final String MAPPING = """
            name: shop
            product: shop
            routing:
              channel: event.dataset
            services:
              orders: [shop.log]
              admin:
                channels: [shop.log]
                conditions:
                  kind: [admin, superadmin]
                present: [actor]
                fieldmappings:
                  user: actor
                  command: '{verb} {args}'
                  new_value: change.param[name=NEW].value
            categories:
              admin_change:
                - service: admin
                  conditions:
                    phase: [commit]
                  fieldmappings:
                    user: actor.email
            """;

    private static LogSourceMapping mapping() throws MappingException {
        return LogSourceMappingLoader.parse(new StringReader(MAPPING), "shop.yml");
    }

    private static RuleSet compile(String logsource, String detection) throws Exception {
        SigmaRule rule = new SigmaRuleParser().parseRule("""
                title: t
                id: 0d4c2f7a-1111-4222-8333-444455556666
                logsource: %s
                detection:
                %s
                    condition: selection
                """.formatted(logsource, detection.indent(4).stripTrailing()), "inline");
        RuleSet ruleSet = RuleSet.compile(List.of(rule), mapping());
        assertThat(ruleSet.skipped()).isEmpty();
        return ruleSet;
    }

    private static JsonEvent event(Object... keyValues) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("event.dataset", "shop.log");
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return JsonEvent.ofFlat(fields);
    }

    @Test
    void aServiceSeesOnlyItsEventsOnASharedChannel() throws Exception {
        RuleSet admin = compile("{product: shop, service: admin}", "selection: {user: eve}");
        RuleSet orders = compile("{product: shop, service: orders}", "selection: {actor: eve}");

        assertThat(admin.match(event("kind", "admin", "actor", "eve"))).hasSize(1);
        assertThat(admin.match(event("kind", "superadmin", "actor", "eve"))).hasSize(1);
        assertThat(admin.match(event("kind", "customer", "actor", "eve"))).as("condition").isEmpty();
        assertThat(orders.match(event("kind", "customer", "actor", "eve"))).as("the plain service").hasSize(1);
    }

    @Test
    void requiredFieldsMustBePresentAndNotNull() throws Exception {
        RuleSet rules = compile("{product: shop, service: admin}", "selection: {kind: admin}");

        assertThat(rules.match(event("kind", "admin", "actor", "eve"))).hasSize(1);
        assertThat(rules.match(event("kind", "admin"))).isEmpty();
        assertThat(rules.match(event("kind", "admin", "actor", null))).isEmpty();
    }

    @Test
    void aTemplateJoinsFieldsAndListElements() throws Exception {
        RuleSet rules = compile("{product: shop, service: admin}",
                "selection: {command|contains|all: [Export-Orders, '-Format csv']}");

        assertThat(rules.match(event("kind", "admin", "actor", "eve", "verb", "Export-Orders",
                "args", "-All -Format csv"))).hasSize(1);
        assertThat(rules.match(event("kind", "admin", "actor", "eve", "verb", "Export-Orders",
                "args", List.of("-All", "-Format csv")))).as("list elements joined by spaces").hasSize(1);
        assertThat(rules.match(event("kind", "admin", "actor", "eve", "verb", "Export-Orders",
                "args", "-All"))).isEmpty();
    }

    @Test
    void anAbsentTemplateIsAbsent() throws Exception {
        RuleSet rules = compile("{product: shop, service: admin}", "selection: {command: null}");

        assertThat(rules.match(event("kind", "admin", "actor", "eve"))).hasSize(1);
        assertThat(rules.match(event("kind", "admin", "actor", "eve", "verb", "x"))).isEmpty();
    }

    @Test
    void aPairSelectsTheValueOfTheNamedElement() throws Exception {
        RuleSet rules = compile("{product: shop, service: admin}", "selection: {new_value: 'false'}");

        assertThat(rules.match(event("kind", "admin", "actor", "eve",
                "change.param.name", List.of("OLD", "NEW"), "change.param.value", List.of("true", "false"))))
                .hasSize(1);
        assertThat(rules.match(event("kind", "admin", "actor", "eve",
                "change.param.name", List.of("OLD", "NEW"), "change.param.value", List.of("false", "true"))))
                .as("false is the old value").isEmpty();
        assertThat(rules.match(event("kind", "admin", "actor", "eve",
                "change.param.name", "NEW", "change.param.value", "false"))).as("a single element").hasSize(1);
        assertThat(rules.match(event("kind", "admin", "actor", "eve",
                "change.param.name", List.of("OLD", "FLAG", "NEW"), "change.param.value", List.of("true", "false"))))
                .as("lists of different lengths cannot be paired").isEmpty();
    }

    @Test
    void aCategoryOnTheServiceInheritsItsScopeAndMayOverrideRenames() throws Exception {
        RuleSet rules = compile("{product: shop, category: admin_change}", "selection: {user: eve@shop.example}");

        assertThat(rules.match(event("kind", "admin", "phase", "commit", "actor", "eve",
                "actor.email", "eve@shop.example"))).hasSize(1);
        assertThat(rules.match(event("kind", "admin", "phase", "draft", "actor", "eve",
                "actor.email", "eve@shop.example"))).as("the category's condition").isEmpty();
        assertThat(rules.match(event("kind", "customer", "phase", "commit", "actor", "eve",
                "actor.email", "eve@shop.example"))).as("the service's condition").isEmpty();
        assertThat(rules.match(event("kind", "admin", "phase", "commit", "actor.email", "eve@shop.example")))
                .as("the service's required field").isEmpty();
    }

    @Test
    void brokenServiceEntriesNameTheFileAndPlace() {
        assertThatThrownBy(() -> LogSourceMappingLoader.parse(new StringReader("""
                routing: {channel: event.dataset}
                services:
                  admin: {conditions: {kind: [admin]}}
                """), "user.yml"))
                .isInstanceOf(MappingException.class).hasMessage("user.yml: services.admin.channels is required");
        assertThatThrownBy(() -> LogSourceMappingLoader.parse(new StringReader("""
                routing: {channel: event.dataset}
                services:
                  admin: {channels: [a], condition: {kind: [admin]}}
                """), "user.yml"))
                .isInstanceOf(MappingException.class).hasMessage("user.yml: services.admin: unknown key 'condition' "
                        + "(expected one of [channels, conditions, fieldmappings, present])");
        assertThatThrownBy(() -> LogSourceMappingLoader.parse(new StringReader("""
                routing: {channel: event.dataset}
                services:
                  admin: [a]
                categories:
                  c:
                    - {service: admin, fieldmapping: {a: b}}
                """), "user.yml"))
                .isInstanceOf(MappingException.class).hasMessageContaining("categories.c[0]: unknown key 'fieldmapping'");
    }
}
