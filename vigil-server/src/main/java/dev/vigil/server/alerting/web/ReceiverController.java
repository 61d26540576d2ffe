package dev.vigil.server.alerting.web;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.alerting.NotificationView;
import dev.vigil.server.alerting.ReceiverChange;
import dev.vigil.server.alerting.ReceiverService;
import dev.vigil.server.alerting.ReceiverView;
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

/** Notification receivers and the delivery log of alerts. */
@RestController
@Tag(name = "Notifications")
class ReceiverController {

    private final ReceiverService receivers;

    ReceiverController(ReceiverService receivers) {
        this.receivers = receivers;
    }

    record ReceiverRequest(@Size(max = 100) String name, @Size(max = 20) String minSeverity, @Size(max = 20) List<String> sources,
            @Size(max = 1000) List<String> tenants, @Size(max = 20) List<ChannelConfig> channels, Boolean enabled,
            @Size(max = 100) String escalationPolicy) {

        ReceiverChange change() {
            return new ReceiverChange(name, minSeverity, sources, tenants, channels, enabled, escalationPolicy);
        }
    }

    @GetMapping("/api/v1/alerting/receivers")
    List<ReceiverView> list() {
        return receivers.list();
    }

    @PostMapping("/api/v1/alerting/receivers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a receiver: the alerts it wants (minSeverity, sources, tenants) and its channels")
    ReceiverView create(@Valid @RequestBody ReceiverRequest request) {
        return receivers.create(request.change());
    }

    @GetMapping("/api/v1/alerting/receivers/{id}")
    ReceiverView get(@PathVariable UUID id) {
        return receivers.get(id);
    }

    @PutMapping("/api/v1/alerting/receivers/{id}")
    @Operation(summary = "Change a receiver; a secret sent back as ******** keeps the stored one")
    ReceiverView update(@PathVariable UUID id, @Valid @RequestBody ReceiverRequest request) {
        return receivers.update(id, request.change());
    }

    @DeleteMapping("/api/v1/alerting/receivers/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        receivers.delete(id);
    }

    @PostMapping("/api/v1/alerting/receivers/{id}/test")
    @Operation(summary = "Send a test message to every channel of the receiver now")
    List<String> test(@PathVariable UUID id) {
        return receivers.test(id);
    }

    @GetMapping("/api/v1/alerts/{id}/notifications")
    @Operation(summary = "Where the alert's notifications went: per receiver and channel, with attempts and errors")
    List<NotificationView> notifications(@PathVariable UUID id) {
        return receivers.notificationsOf(id);
    }
}
