package dev.vigil.server.alerting.web;

import java.util.List;
import java.util.UUID;

import dev.vigil.server.alerting.AlertService;
import dev.vigil.server.alerting.ContactMethodRequest;
import dev.vigil.server.alerting.ContactMethodService;
import dev.vigil.server.alerting.ContactMethodView;
import dev.vigil.server.alerting.EscalationPolicyRequest;
import dev.vigil.server.alerting.EscalationPolicyService;
import dev.vigil.server.alerting.EscalationPolicyView;
import dev.vigil.server.alerting.EscalationView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Escalation policies, the escalations of an alert, and the contact methods escalations page users by. */
@RestController
@Tag(name = "On-call")
class EscalationController {

    private final EscalationPolicyService policies;
    private final ContactMethodService contacts;
    private final AlertService alerts;

    EscalationController(EscalationPolicyService policies, ContactMethodService contacts, AlertService alerts) {
        this.policies = policies;
        this.contacts = contacts;
        this.alerts = alerts;
    }

    @GetMapping("/api/v1/oncall/escalation-policies")
    List<EscalationPolicyView> list() {
        return policies.list();
    }

    @PostMapping("/api/v1/oncall/escalation-policies")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an escalation policy: steps (delay; schedules, users, receivers to page), repeat and repeatAfter")
    EscalationPolicyView create(@RequestBody EscalationPolicyRequest request) {
        return policies.create(request);
    }

    @GetMapping("/api/v1/oncall/escalation-policies/{id}")
    EscalationPolicyView get(@PathVariable UUID id) {
        return policies.get(id);
    }

    @PutMapping("/api/v1/oncall/escalation-policies/{id}")
    @Operation(summary = "Replace an escalation policy; escalations already running keep the steps they started with")
    EscalationPolicyView update(@PathVariable UUID id, @RequestBody EscalationPolicyRequest request) {
        return policies.update(id, request);
    }

    @DeleteMapping("/api/v1/oncall/escalation-policies/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        policies.delete(id);
    }

    @GetMapping("/api/v1/alerts/{id}/escalations")
    @Operation(summary = "The escalations of an alert: state, next step, and whom each step paged")
    List<EscalationView> escalations(@PathVariable UUID id) {
        return policies.escalationsOf(alerts.get(id));
    }

    @GetMapping("/api/v1/me/contacts")
    List<ContactMethodView> mine() {
        return contacts.mine();
    }

    @PostMapping("/api/v1/me/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add one of your contact methods: email (address) or webhook/chat (url)")
    ContactMethodView addMine(@RequestBody ContactMethodRequest request) {
        return contacts.addMine(request);
    }

    @DeleteMapping("/api/v1/me/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteMine(@PathVariable UUID id) {
        contacts.deleteMine(id);
    }

    @GetMapping("/api/v1/oncall/users/{username}/contacts")
    List<ContactMethodView> of(@PathVariable String username) {
        return contacts.of(username);
    }

    @PostMapping("/api/v1/oncall/users/{username}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact method for a user (an administrator may name another mail relay)")
    ContactMethodView addFor(@PathVariable String username, @RequestBody ContactMethodRequest request) {
        return contacts.addFor(username, request);
    }

    @DeleteMapping("/api/v1/oncall/users/{username}/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteFor(@PathVariable String username, @PathVariable UUID id) {
        contacts.deleteFor(username, id);
    }
}
