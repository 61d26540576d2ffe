package dev.vigil.server.alerting.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.alerting.NoticeDraft;
import dev.vigil.server.alerting.NoticeView;
import dev.vigil.server.alerting.TenantContactChange;
import dev.vigil.server.alerting.TenantContactService;
import dev.vigil.server.alerting.TenantContactView;
import dev.vigil.server.alerting.TenantNotices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tenants' contacts and the notices sent to tenants, with their deliveries. */
@RestController
@Tag(name = "Tenant notices")
class TenantNoticeController {

    private final TenantContactService contacts;
    private final TenantNotices notices;

    TenantNoticeController(TenantContactService contacts, TenantNotices notices) {
        this.contacts = contacts;
        this.notices = notices;
    }

    record ContactRequest(@Size(max = 100) String name, @Size(max = 10) List<String> topics, ChannelConfig channel, Boolean enabled) {

        TenantContactChange change() {
            return new TenantContactChange(name, topics, channel, enabled);
        }
    }

    record NoticeRequest(UUID tenantId, @Size(max = 30) String topic, @Size(max = 200) String subject, @Size(max = 20_000) String body,
            @Size(max = 200) String reference) {
    }

    @GetMapping("/api/v1/tenants/{tenantId}/contacts")
    List<TenantContactView> contacts(@PathVariable UUID tenantId) {
        return contacts.list(tenantId);
    }

    @PostMapping("/api/v1/tenants/{tenantId}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a contact of the tenant: the topics it wants (empty: all) and its channel")
    TenantContactView create(@PathVariable UUID tenantId, @Valid @RequestBody ContactRequest request) {
        return contacts.create(tenantId, request.change());
    }

    @PutMapping("/api/v1/tenants/{tenantId}/contacts/{id}")
    @Operation(summary = "Change a contact; a secret sent back as ******** keeps the stored one")
    TenantContactView update(@PathVariable UUID tenantId, @PathVariable UUID id, @Valid @RequestBody ContactRequest request) {
        return contacts.update(tenantId, id, request.change());
    }

    @DeleteMapping("/api/v1/tenants/{tenantId}/contacts/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID tenantId, @PathVariable UUID id) {
        contacts.delete(tenantId, id);
    }

    @PostMapping("/api/v1/tenants/{tenantId}/contacts/{id}/test")
    @Operation(summary = "Send a test notice to the contact now")
    String test(@PathVariable UUID tenantId, @PathVariable UUID id) {
        return contacts.test(tenantId, id);
    }

    @GetMapping("/api/v1/notices")
    List<NoticeView> list(@RequestParam(required = false) UUID tenant, @RequestParam(required = false) String reference,
            @RequestParam(defaultValue = "100") int limit) {
        return notices.list(tenant, reference, limit);
    }

    @PostMapping("/api/v1/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Send a notice to a tenant's contacts that want its topic (incident, advisory, maintenance, general)")
    NoticeView send(@Valid @RequestBody NoticeRequest request) {
        return notices.sendOnRequest(new NoticeDraft(request.tenantId(), request.topic(), request.subject(), request.body(),
                request.reference()));
    }

    @GetMapping("/api/v1/notices/{id}")
    NoticeView get(@PathVariable UUID id) {
        return notices.get(id);
    }
}
