package dev.vigil.server.console;

import java.util.List;
import java.util.UUID;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.alerting.NoticeDraft;
import dev.vigil.server.alerting.TenantContactChange;
import dev.vigil.server.alerting.TenantContactService;
import dev.vigil.server.alerting.TenantNotices;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.TenantView;
import dev.vigil.server.identity.VigilPrincipal;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tenant notices: a tenant's contacts, sending a notice, and the notices sent with their deliveries. */
@Controller
class NoticesPageController {

    private final TenantContactService contacts;
    private final TenantNotices notices;
    private final TenantService tenants;
    private final AccessPolicy access;

    NoticesPageController(TenantContactService contacts, TenantNotices notices, TenantService tenants, AccessPolicy access) {
        this.contacts = contacts;
        this.notices = notices;
        this.tenants = tenants;
        this.access = access;
    }

    @GetMapping("/notices")
    String page(@RequestParam(required = false) UUID tenant, Model model) {
        VigilPrincipal me = access.requireCurrent();
        List<TenantView> visible = tenants.all().stream().filter(t -> me.can("notice", "read", t.id())).toList();
        TenantView selected = visible.stream().filter(t -> t.id().equals(tenant)).findFirst()
                .orElse(visible.isEmpty() ? null : visible.getFirst());
        model.addAttribute("tenants", visible);
        model.addAttribute("selected", selected);
        model.addAttribute("topics", TenantNotices.TOPICS);
        model.addAttribute("channelTypes", ChannelConfig.TYPES.stream().sorted().toList());
        if (selected != null) {
            model.addAttribute("contacts", contacts.list(selected.id()));
            model.addAttribute("notices", notices.list(selected.id(), null, 100));
            model.addAttribute("canConfigure", me.can("notice", "configure", selected.id()));
            model.addAttribute("canSend", me.can("notice", "send", selected.id()));
        }
        return "notices";
    }

    @PostMapping("/notices/contacts")
    String addContact(@RequestParam UUID tenant, @RequestParam String name, @RequestParam(required = false) List<String> topics,
            @RequestParam String type, @RequestParam(defaultValue = "") String address, @RequestParam(defaultValue = "") String smarthost,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String secret, RedirectAttributes redirect) {
        return Flash.run(redirect, "/notices?tenant=" + tenant, () -> {
            ChannelConfig channel = type.equals("email")
                    ? new ChannelConfig(type, null, null, List.of(address.split("\\s*,\\s*")), smarthost, from, null, null, null, null)
                    : new ChannelConfig(type, address, secret.isBlank() ? null : secret, null, null, null, null, null, null, null);
            contacts.create(tenant, new TenantContactChange(name, topics == null ? List.of() : topics, channel, true));
            return "Contact " + name.strip() + " added.";
        });
    }

    @PostMapping("/notices/contacts/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam UUID tenant, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.run(redirect, "/notices?tenant=" + tenant, () -> {
            contacts.update(tenant, id, new TenantContactChange(null, null, null, enabled));
            return enabled ? "Contact enabled." : "Contact disabled.";
        });
    }

    @PostMapping("/notices/contacts/{id}/delete")
    String delete(@PathVariable UUID id, @RequestParam UUID tenant, RedirectAttributes redirect) {
        return Flash.run(redirect, "/notices?tenant=" + tenant, () -> {
            contacts.delete(tenant, id);
            return "Contact removed.";
        });
    }

    @PostMapping("/notices/contacts/{id}/test")
    String test(@PathVariable UUID id, @RequestParam UUID tenant, RedirectAttributes redirect) {
        return Flash.run(redirect, "/notices?tenant=" + tenant, () -> "Test notice: " + contacts.test(tenant, id));
    }

    @PostMapping("/notices")
    String send(@RequestParam UUID tenant, @RequestParam String topic, @RequestParam String subject, @RequestParam String body,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/notices?tenant=" + tenant, () -> {
            var sent = notices.sendOnRequest(new NoticeDraft(tenant, topic, subject, body, null));
            if (sent.warning() != null) {
                throw ProblemException.badRequest("no-contacts", "Notice recorded, but " + sent.warning());
            }
            return "Notice sent to " + sent.deliveries().size() + " contact(s).";
        });
    }
}
