package dev.vigil.server.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import tools.jackson.databind.JsonNode;

/** Every change leaves exactly one record; refusals leave no success; the trail cannot be changed at any layer. */
class AuditTrailTest extends ServerTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void aSuccessfulChangeLeavesExactlyOneCompleteRecord() {
        Api api = api();
        String slug = unique("audited");
        UUID tenant = api.createTenant(ADMIN_TOKEN, slug);

        List<JsonNode> records = records(api, "objectId=" + tenant);
        assertThat(records).hasSize(1);
        JsonNode record = records.getFirst();
        assertThat(record.path("action").asString()).isEqualTo("tenant.create");
        assertThat(record.path("objectType").asString()).isEqualTo("tenant");
        assertThat(record.path("tenantId").asString()).isEqualTo(tenant.toString());
        assertThat(record.path("outcome").asString()).isEqualTo("success");
        assertThat(record.path("body").path("slug").asString()).isEqualTo(slug);
        assertThat(record.path("recordedAt").asString()).isNotBlank();
        JsonNode actor = record.path("actor");
        assertThat(actor.path("kind").asString()).isEqualTo("api-token");
        assertThat(actor.path("name").asString()).isEqualTo("bootstrap (admin)");
        assertThat(actor.path("address").asString()).isEqualTo("127.0.0.1");

        String username = unique("recorded");
        UUID user = api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("auditor"), tenant);
        String session = api.login(username, PASSWORD);
        assertThat(api.put("/api/v1/users/" + user + "/roles", ADMIN_TOKEN, Map.of("roles", List.of("soc-analyst"))).status())
                .isEqualTo(200);
        List<JsonNode> userRecords = records(api, "objectId=" + user);
        assertThat(userRecords).extracting(r -> r.path("action").asString())
                .containsExactly("user.create", "auth.login", "user.roles.change");
        assertThat(userRecords).allSatisfy(r -> assertThat(r.path("tenantId").asString()).isEqualTo(tenant.toString()));
        JsonNode login = userRecords.get(1);
        assertThat(login.path("actor").path("kind").asString()).isEqualTo("user");
        assertThat(login.path("actor").path("name").asString()).isEqualTo(username);
        assertThat(userRecords.get(2).path("body").path("before").toString()).contains("auditor");
        assertThat(userRecords.get(2).path("body").path("after").toString()).contains("soc-analyst");
        assertThat(api.get("/api/v1/me", session).status()).isEqualTo(200);
    }

    @Test
    void refusedOperationsLeaveNoSuccessRecord() {
        Api api = api();
        String slug = unique("once");
        UUID tenant = api.createTenant(ADMIN_TOKEN, slug);
        assertThat(api.post("/api/v1/tenants", ADMIN_TOKEN, Map.of("slug", slug, "name", "again")).status()).isEqualTo(409);
        assertThat(records(api, "action=tenant.create").stream().filter(r -> r.path("body").path("slug").asString().equals(slug)))
                .hasSize(1).allSatisfy(r -> assertThat(r.path("objectId").asString()).isEqualTo(tenant.toString()));

        String analyst = unique("analyst");
        api.createUser(ADMIN_TOKEN, analyst, PASSWORD, List.of("soc-analyst"), null);
        String analystToken = api.login(analyst, PASSWORD);
        String forbidden = unique("forbidden");
        assertThat(api.post("/api/v1/tenants", analystToken, Map.of("slug", forbidden, "name", "n")).status()).isEqualTo(403);
        String invalid = unique("invalid");
        assertThat(api.post("/api/v1/users", ADMIN_TOKEN, Map.of("username", invalid, "roles", List.of("no-such-role"))).status())
                .isEqualTo(400);
        assertThat(records(api, "outcome=success").stream().map(JsonNode::toString))
                .noneMatch(r -> r.contains(forbidden))
                .noneMatch(r -> r.contains(invalid));
    }

    @Test
    void failedLoginsAreRecordedAsFailures() {
        Api api = api();
        String username = unique("mistyped");
        UUID user = api.createUser(ADMIN_TOKEN, username, PASSWORD, List.of("auditor"), null);
        assertThat(api.loginResponse(username, "not-my-password", null).status()).isEqualTo(401);
        String ghost = unique("ghost");
        assertThat(api.loginResponse(ghost, "whatever-password", null).status()).isEqualTo(401);

        List<JsonNode> attempts = records(api, "objectId=" + user + "&action=auth.login");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.getFirst().path("outcome").asString()).isEqualTo("failure");
        assertThat(attempts.getFirst().path("body").path("reason").asString()).isEqualTo("wrong password");
        assertThat(attempts.getFirst().path("actor").path("address").asString()).isEqualTo("127.0.0.1");
        assertThat(attempts.getFirst().toString()).doesNotContain("not-my-password");

        assertThat(records(api, "action=auth.login&outcome=failure").stream()
                .filter(r -> r.path("body").path("username").asString().equals(ghost)))
                .singleElement().satisfies(r -> assertThat(r.path("actor").path("kind").asString()).isEqualTo("anonymous"));
        assertThat(records(api, "action=auth.login&outcome=success").stream()
                .filter(r -> r.path("objectId").asString().equals(user.toString()))).isEmpty();
    }

    @Autowired
    AuditLog audit;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void aGroupOfRecordsIsConsecutiveAndARolledBackGroupIsSaidSo() {
        String object = unique("group");
        List<AuditEntry> group = List.of(
                AuditEntry.success("test.group", "test", object + "-a", null, Map.of("n", 1)).by(Actor.systemJob("test")),
                AuditEntry.success("test.group", "test", object + "-b", null, Map.of("n", 2)).by(Actor.systemJob("test")));
        List<Long> kept = new org.springframework.transaction.support.TransactionTemplate(transactions)
                .execute(status -> audit.recordAll(group));
        assertThat(kept).hasSize(2);
        assertThat(kept.get(1)).isEqualTo(kept.get(0) + 1);
        assertThat(jdbc.sql("SELECT object_id FROM audit_record WHERE seq IN (?, ?) ORDER BY seq").params(kept.get(0), kept.get(1))
                .query(String.class).list()).containsExactly(object + "-a", object + "-b");

        List<Long> undone = new ArrayList<>();
        new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(status -> {
            undone.addAll(audit.recordAll(group));
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'audit.rolled-back' AND object_id IN (?, ?)")
                .params(String.valueOf(undone.get(0)), String.valueOf(undone.get(1))).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theDatabaseRefusesUpdateDeleteAndTruncate() {
        api().createTenant(ADMIN_TOKEN, unique("something"));
        long count = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
        assertThat(count).isPositive();
        for (String statement : List.of("UPDATE audit_record SET action = 'forged'", "DELETE FROM audit_record",
                "TRUNCATE audit_record")) {
            assertThatThrownBy(() -> jdbc.sql(statement).update()).as(statement).hasMessageContaining("append-only");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single()).isGreaterThanOrEqualTo(count);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE action = 'forged'").query(Long.class).single()).isZero();
    }

    @Test
    void noEndpointChangesTheAuditTrail() {
        List<String> auditMappings = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mapping.getHandlerMethods().entrySet()) {
                for (String pattern : entry.getKey().getPatternValues()) {
                    if (pattern.startsWith("/api/v1/audit/records")) {
                        auditMappings.add(entry.getKey().getMethodsCondition().getMethods() + " " + pattern);
                    }
                }
            }
        }
        assertThat(auditMappings).containsExactly("[GET] /api/v1/audit/records");

        Api api = api();
        long before = jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single();
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            for (String path : List.of("/api/v1/audit/records", "/api/v1/audit/records/0")) {
                int status = api.send(method, path, ADMIN_TOKEN, "{}").status();
                assertThat(status).as("%s %s", method, path).isIn(403, 404, 405);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record WHERE seq = 0").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_record").query(Long.class).single()).isGreaterThanOrEqualTo(before);
    }

    private static List<JsonNode> records(Api api, String query) {
        Api.Response response = api.get("/api/v1/audit/records?limit=1000&" + query, ADMIN_TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> list = new ArrayList<>();
        response.json().forEach(list::add);
        return list;
    }
}
