package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMappingLoader;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.events.Event;
import dev.vigil.testkit.Corpus;

/**
 * SigmaHQ cloud and proxy rules (read from the corpus) against events written as the services emit them, parsed by
 * {@link EventParser} exactly as the event path does and handed to the Sigma engine with their stored field names
 * (originals and normalized side by side, as the server's detect stage sees them). Each rule is compiled with the
 * built-in mapping of its product ({@code web} for product-less proxy rules), so the events must also land in the
 * dataset the mapping routes the rule to. Files ending in {@code .log} hold text lines (CEF), the others JSON.
 */
class CloudSigmaRulesTest {

    /** A rule, the events file (one JSON event per line) and the 0-based lines the rule must match. */
    record Case(String events, String rule, List<Integer> matchingLines) {
        @Override
        public String toString() {
            return events + " " + rule.substring(rule.lastIndexOf('/') + 1);
        }
    }

    static List<Case> cases() {
        return List.of(
                new Case("aws-disable-logging", "rules/cloud/aws/cloudtrail/aws_cloudtrail_disable_logging.yml",
                        List.of(0, 2)),
                new Case("aws-console-login-without-mfa",
                        "rules/cloud/aws/cloudtrail/aws_cloudtrail_console_login_success_without_mfa.yml", List.of(0)),
                new Case("aws-root-account-usage", "rules/cloud/aws/cloudtrail/aws_root_account_usage.yml",
                        List.of(0)),
                new Case("azure-keyvault-modified-or-deleted",
                        "rules/cloud/azure/activity_logs/azure_keyvault_modified_or_deleted.yml", List.of(0, 2)),
                new Case("azure-mfa-disabled", "rules/cloud/azure/audit_logs/azure_mfa_disabled.yml", List.of(0)),
                new Case("azure-account-lockout", "rules/cloud/azure/signin_logs/azure_account_lockout.yml",
                        List.of(0)),
                new Case("azure-prt-access",
                        "rules/cloud/azure/identity_protection/azure_identity_protection_prt_access.yml", List.of(0)),
                new Case("gcp-firewall-modified-or-deleted",
                        "rules/cloud/gcp/audit/gcp_firewall_rule_modified_or_deleted.yml", List.of(0, 2)),
                new Case("okta-mfa-reset-or-deactivated", "rules/identity/okta/okta_mfa_reset_or_deactivated.yml",
                        List.of(0, 2)),
                new Case("okta-user-account-locked-out", "rules/identity/okta/okta_user_account_locked_out.yml",
                        List.of(0)),
                new Case("m365-disabling-mfa", "rules/cloud/m365/audit/microsoft365_disabling_mfa.yml", List.of(0)),
                new Case("m365-new-federated-domain",
                        "rules/cloud/m365/audit/microsoft365_new_federated_domain_added_audit.yml", List.of(0)),
                // sources mapped since: PIM alert incidents, Workspace through Cloud Logging, M365 SCC and Exchange
                new Case("azure-pim-alert-incidents.jsonl",
                        "rules/cloud/azure/privileged_identity_management/azure_pim_account_stale.yml", List.of(0)),
                new Case("azure-pim-alert-incidents.jsonl",
                        "rules/cloud/azure/privileged_identity_management/azure_pim_role_not_used.yml", List.of(1)),
                new Case("gcp-workspace-admin-settings.jsonl",
                        "rules/cloud/gcp/gworkspace/admin/gcp_gworkspace_mfa_disabled.yml", List.of(0, 4)),
                new Case("gcp-workspace-admin-settings.jsonl",
                        "rules/cloud/gcp/gworkspace/admin/gcp_gworkspace_application_access_levels_modified.yml",
                        List.of(2)),
                new Case("gcp-workspace-login.jsonl",
                        "rules/cloud/gcp/gworkspace/login/gcp_gworkspace_suspicious_login.yml", List.of(0)),
                new Case("gcp-workspace-login.jsonl",
                        "rules/cloud/gcp/gworkspace/login/gcp_gworkspace_govattack.yml", List.of(2)),
                new Case("m365-security-compliance.jsonl",
                        "rules/cloud/m365/threat_management/microsoft365_potential_ransomware_activity.yml",
                        List.of(0)),
                new Case("m365-security-compliance.jsonl",
                        "rules/cloud/m365/threat_detection/microsoft365_from_susp_ip_addresses.yml", List.of(1)),
                new Case("m365-security-compliance.jsonl",
                        "rules/cloud/m365/threat_management/"
                                + "microsoft365_pst_export_alert_using_new_compliancesearchaction.yml", List.of(2)),
                new Case("m365-security-compliance.jsonl",
                        "rules/cloud/m365/exchange/microsoft365_new_federated_domain_added_exchange.yml", List.of(5)),
                new Case("proxy-cef-weblog.log", "rules/web/proxy_generic/proxy_raw_paste_service_access.yml",
                        List.of(0)),
                new Case("proxy-cef-weblog.log", "rules/web/proxy_generic/proxy_webdav_external_execution.yml",
                        List.of(2)),
                new Case("proxy-suricata-http.jsonl", "rules/web/proxy_generic/proxy_ua_rclone.yml", List.of(0)),
                new Case("proxy-suricata-http.jsonl", "rules/web/proxy_generic/proxy_telegram_api.yml", List.of(3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void ruleMatchesExactlyTheExpectedLines(Case c) throws Exception {
        Path file = Corpus.require("sigma").resolve("rules").resolve(c.rule());
        SigmaRule rule = new SigmaRuleParser().parseRule(Files.readString(file), file.toString());
        String product = rule.logsource().product();
        RuleSet ruleSet = RuleSet.compile(List.of(rule), LogSourceMappingLoader.load(product == null ? "web" : product));
        assertThat(ruleSet.skipped()).as("skipped").isEmpty();

        List<String> lines = eventLines(c.events());
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Event event = c.events().endsWith(".log") ? ParsedEvents.line(line) : ParsedEvents.json(line);
            assertThat(event.tags()).as("line %d", i).doesNotContain(Event.TAG_PARSE_ERROR);
            if (!ruleSet.match(JsonEvent.ofFlat(event.fields())).isEmpty()) {
                matched.add(i);
            }
        }
        assertThat(matched).as("lines of %s matched by %s", c.events(), rule.title()).isEqualTo(c.matchingLines());
        assertThat(matched.size()).as("a near miss").isLessThan(lines.size());
    }

    @Test
    void casesCoverEveryCloudProduct() {
        assertThat(cases().stream().map(c -> c.events().substring(0, c.events().indexOf('-'))).distinct())
                .containsExactlyInAnyOrder("aws", "azure", "gcp", "okta", "m365", "proxy");
    }

    private static List<String> eventLines(String name) {
        String resource = "/dev/vigil/events/cloudsigma/" + (name.contains(".") ? name : name + ".jsonl");
        try (InputStream in = CloudSigmaRulesTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Stream<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()) {
                return lines.filter(line -> !line.isBlank()).toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
