package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The command policy API: rules in priority order, validation naming the rule, scope modes, the dry run, the audit trail. */
class CommandPolicyApiTest extends ServerTestBase {

    private Map<String, Object> rule(String name, int priority, String group, List<String> programs, String pattern, String action) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("priority", priority);
        rule.put("targetGroup", group);
        rule.put("programs", programs);
        if (pattern != null) {
            rule.put("pattern", pattern);
        }
        rule.put("action", action);
        return rule;
    }

    private Api.Response test(String group, String line) {
        return api().post("/api/v1/access/command-policy/test", ADMIN_TOKEN, Map.of("line", line, "targetGroups", List.of(group), "account", "deploy"));
    }

    @Test
    void rulesAreCheckedInPriorityOrderAndTheDryRunShowsTheDecisionAndTheAnalysis() {
        String group = unique("grp");
        Api.Response deny = api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(unique("no-rm"), 20, group, List.of("rm"), null, "deny"));
        Api.Response warn = api().post("/api/v1/access/command-rules", ADMIN_TOKEN,
                rule(unique("tmp-cleanup"), 10, group, List.of("rm"), "^rm -rf /tmp/", "warn"));
        assertThat(deny.status()).as(deny.body()).isEqualTo(201);
        assertThat(warn.status()).as(warn.body()).isEqualTo(201);

        JsonNode listed = api().get("/api/v1/access/command-rules", ADMIN_TOKEN).json();
        List<String> order = new java.util.ArrayList<>();
        listed.forEach(r -> order.add(r.path("name").asString()));
        assertThat(order.indexOf(warn.text("name"))).isLessThan(order.indexOf(deny.text("name")));

        JsonNode warned = test(group, "rm -rf /tmp/build").json();
        assertThat(warned.path("action").asString()).isEqualTo("warn");
        assertThat(warned.path("runs").asBoolean()).isTrue();
        assertThat(warned.path("ruleId").asString()).isEqualTo(warn.text("id"));
        JsonNode denied = test(group, "ls && sudo bash -c 'r\"\"m -rf /etc'").json();
        assertThat(denied.path("action").asString()).isEqualTo("deny");
        assertThat(denied.path("runs").asBoolean()).isFalse();
        assertThat(denied.path("ruleId").asString()).isEqualTo(deny.text("id"));
        assertThat(denied.path("commands").findValuesAsString("program")).contains("ls", "sudo", "bash", "rm");
        assertThat(denied.path("constructs").toString()).contains("quotes");
        JsonNode piped = test(group, "echo cm0= | base64 -d | sh").json();
        assertThat(piped.path("action").asString()).isEqualTo("review");
        assertThat(piped.path("reasons").toString()).contains("piped into an interpreter");
        assertThat(test(unique("other"), "rm -rf /").json().path("action").asString()).as("rules of another group do not apply").isEqualTo("allow");

        Map<String, Object> moved = rule(warn.text("name"), 30, group, List.of("rm"), "^rm -rf /tmp/", "warn");
        Api.Response updated = api().put("/api/v1/access/command-rules/" + warn.text("id"), ADMIN_TOKEN, moved);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(test(group, "rm -rf /tmp/build").json().path("action").asString()).as("the deny rule now comes first").isEqualTo("deny");

        assertThat(api().delete("/api/v1/access/command-rules/" + deny.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(api().delete("/api/v1/access/command-rules/" + warn.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(test(group, "rm -rf /").json().path("action").asString()).isEqualTo("allow");
        assertThat(api().get("/api/v1/access/command-rules/" + deny.text("id"), ADMIN_TOKEN).status()).isEqualTo(404);

        String audit = api().get("/api/v1/audit/records?action=access.command-rule.update", ADMIN_TOKEN).body();
        assertThat(audit).contains(warn.text("name"));
        assertThat(api().get("/api/v1/audit/records?action=access.command-rule.delete", ADMIN_TOKEN).body()).contains(deny.text("name"));
    }

    @Test
    void badRulesAreRefusedWithAProblemNamingTheRuleAndTheFault() {
        String group = unique("grp");
        String name = unique("broken");
        Api.Response badRegex = api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(name, 1, group, List.of(), "rm (-rf", "deny"));
        assertThat(badRegex.assertProblem(400).problemCode()).isEqualTo("invalid-pattern");
        assertThat(badRegex.detail()).contains("rule '" + name + "'").contains("pattern does not compile").contains("Unclosed group");

        assertThat(api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(name, 1, group, List.of(), null, "deny"))
                .assertProblem(400).detail()).contains("rule '" + name + "'").contains("programs, a pattern");
        assertThat(api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(name, 1, group, List.of("rm"), null, "block"))
                .assertProblem(400).detail()).contains("unknown action 'block'");
        assertThat(api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(name, 1, group, List.of("/bin/rm"), null, "deny"))
                .assertProblem(400).detail()).contains("base name");
        assertThat(api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule("bad name", 1, group, List.of("rm"), null, "deny"))
                .assertProblem(400).detail()).contains("name must be");
        Api.Response first = api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(name, 1, group, List.of("rm"), null, "deny"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(name, 1, group, List.of("rm"), null, "deny"))
                .assertProblem(409).problemCode()).isEqualTo("duplicate");
        assertThat(api().put("/api/v1/access/command-rules/" + first.text("id"), ADMIN_TOKEN, rule(name, 1, group, List.of(), "(", "deny"))
                .assertProblem(400).detail()).contains("rule '" + name + "'");
        assertThat(api().post("/api/v1/access/command-policy/test", ADMIN_TOKEN, Map.of("line", "ls", "target", unique("nowhere")))
                .assertProblem(400).detail()).contains("no target named");
        api().delete("/api/v1/access/command-rules/" + first.text("id"), ADMIN_TOKEN);
    }

    @Test
    void aRestrictedScopeAdmitsOnlyAllowedCommandsWithoutShellSyntax() {
        String group = unique("grp");
        Api.Response allow = api().post("/api/v1/access/command-rules", ADMIN_TOKEN, rule(unique("readonly"), 1, group, List.of("ls", "uptime"),
                null, "allow"));
        Api.Response mode = api().post("/api/v1/access/command-modes", ADMIN_TOKEN, Map.of("targetGroup", group, "mode", "restricted",
                "uncertain", "review"));
        assertThat(mode.status()).as(mode.body()).isEqualTo(201);

        assertThat(test(group, "uptime").json().path("action").asString()).isEqualTo("allow");
        assertThat(test(group, "uptime").json().path("mode").asString()).isEqualTo("restricted");
        assertThat(test(group, "id").json().path("action").asString()).isEqualTo("review");
        assertThat(test(group, "ls; uptime").json().path("action").asString()).isEqualTo("review");
        assertThat(api().post("/api/v1/access/command-modes", ADMIN_TOKEN, Map.of("targetGroup", group, "mode", "restricted", "uncertain", "warn"))
                .assertProblem(400).detail()).contains("use review or deny");
        assertThat(api().post("/api/v1/access/command-modes", ADMIN_TOKEN, Map.of("targetGroup", group, "mode", "allow-list"))
                .assertProblem(400).detail()).contains("unknown mode");
        assertThat(api().get("/api/v1/audit/records?action=access.command-mode.set", ADMIN_TOKEN).body()).contains(group);

        assertThat(api().delete("/api/v1/access/command-modes/" + mode.text("id"), ADMIN_TOKEN).status()).isEqualTo(204);
        assertThat(test(group, "id").json().path("action").asString()).isEqualTo("allow");
        api().delete("/api/v1/access/command-rules/" + allow.text("id"), ADMIN_TOKEN);
    }
}
