package dev.vigil.server.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.access.AccessRequestService;
import dev.vigil.server.access.GrantChange;
import dev.vigil.server.access.GrantService;
import dev.vigil.server.access.TargetService;
import dev.vigil.server.approval.ChangeRequests;
import dev.vigil.server.identity.AccessPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who may reach what through the bastion: grants (list, new, revoke) for administrators, and access requests — an
 * operator asks (or breaks the glass), approvers decide through the change-request flow (/changes).
 */
@Controller
class BastionGrantsPageController {

    private final GrantService grants;
    private final TargetService targets;
    private final AccessRequestService requests;
    private final ChangeRequests changes;
    private final AccessPolicy access;
    private final Clock clock;

    BastionGrantsPageController(GrantService grants, TargetService targets, AccessRequestService requests, ChangeRequests changes,
            AccessPolicy access, Clock clock) {
        this.grants = grants;
        this.targets = targets;
        this.requests = requests;
        this.changes = changes;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/bastion/grants")
    String list(Model model) {
        model.addAttribute("grants", grants.list());
        model.addAttribute("targets", targets.list());
        model.addAttribute("defaultUntil", utc(clock.instant().plus(Duration.ofHours(8))));
        return "bastion-grants";
    }

    /** A form field of several values separated by spaces or commas. */
    private static List<String> words(String field) {
        return field == null || field.isBlank() ? List.of() : List.of(field.strip().split("[\\s,]+"));
    }

    @PostMapping("/bastion/grants")
    String create(@RequestParam String subjectKind, @RequestParam String subjectName, @RequestParam(required = false) String target,
            @RequestParam(required = false) String targetGroup, @RequestParam String account,
            @RequestParam(required = false) List<String> channels, @RequestParam(required = false) String validFrom,
            @RequestParam String validUntil, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String destinations, @RequestParam(required = false) String binds, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/grants", () -> {
            var grant = grants.create(new GrantChange(subjectKind + ":" + subjectName.strip(), target, targetGroup, account, channels,
                    validFrom == null || validFrom.isBlank() ? null : instant(validFrom, "validFrom"), instant(validUntil, "validUntil"),
                    reason, words(destinations), words(binds)));
            return "Grant for " + grant.subject() + " created.";
        });
    }

    @PostMapping("/bastion/grants/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/grants", () -> "Grant for " + grants.revoke(id).subject() + " revoked.");
    }

    @GetMapping("/bastion/requests")
    String requests(Model model) {
        model.addAttribute("requests", changes.list(null, AccessRequestService.KIND, null, false));
        model.addAttribute("myId", access.requireCurrent().userId());
        model.addAttribute("defaultUntil", utc(clock.instant().plus(Duration.ofHours(4))));
        return "bastion-requests";
    }

    @PostMapping("/bastion/requests")
    String request(@RequestParam String target, @RequestParam String account, @RequestParam(required = false) List<String> channels,
            @RequestParam String until, @RequestParam String purpose, @RequestParam(defaultValue = "false") boolean breakGlass,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/requests", () -> {
            var change = requests.request(new AccessRequestService.AccessRequest(target, account, channels, null, instant(until, "until"),
                    purpose, breakGlass));
            return change.emergency() ? "Break-glass access granted until " + until + " UTC; a critical alert was raised and the change "
                    + "waits for its review." : "Access requested; it applies when approvers approve it under Changes.";
        });
    }

    private static Instant instant(String text, String field) {
        return OnCallPageController.local(text.strip().replaceFirst("Z$", ""), field + " (UTC)", ZoneOffset.UTC);
    }

    private static String utc(Instant at) {
        return at.truncatedTo(ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    }
}
