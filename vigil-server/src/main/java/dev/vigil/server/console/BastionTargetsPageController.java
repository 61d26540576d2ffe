package dev.vigil.server.console;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.access.AccountChange;
import dev.vigil.server.access.KeyRotationService;
import dev.vigil.server.access.PasswordRotationService;
import dev.vigil.server.access.RotationPolicyChange;
import dev.vigil.server.access.RotationPolicyService;
import dev.vigil.server.access.TargetChange;
import dev.vigil.server.access.TargetService;
import dev.vigil.server.access.TargetView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Bastion targets for administrators: the list and a new target; one target to edit, its host-key pin (confirming a
 * key seen on first use), its accounts with write-only credentials, rotation of passwords and keys on demand and their
 * rotation schedules. Calls the API's services.
 */
@Controller
class BastionTargetsPageController {

    private final TargetService targets;
    private final PasswordRotationService rotation;
    private final KeyRotationService keyRotation;
    private final RotationPolicyService rotationPolicies;

    BastionTargetsPageController(TargetService targets, PasswordRotationService rotation, KeyRotationService keyRotation,
            RotationPolicyService rotationPolicies) {
        this.targets = targets;
        this.rotation = rotation;
        this.keyRotation = keyRotation;
        this.rotationPolicies = rotationPolicies;
    }

    @GetMapping("/bastion/targets")
    String list(Model model) {
        model.addAttribute("targets", targets.list());
        return "bastion-targets";
    }

    @GetMapping("/bastion/targets/{id}")
    String target(@PathVariable UUID id, Model model) {
        TargetView target = targets.get(id);
        model.addAttribute("t", target);
        model.addAttribute("groupsText", String.join(", ", target.groups()));
        return "bastion-target";
    }

    @PostMapping("/bastion/targets")
    String create(@RequestParam String name, @RequestParam String host, @RequestParam(required = false) Integer port,
            @RequestParam(required = false) String hostKey, @RequestParam(required = false) String groups,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        TargetView[] created = new TargetView[1];
        String done = Flash.run(redirect, "/bastion/targets", () -> {
            created[0] = targets.create(new TargetChange(name, host, port, hostKey, groups(groups), null, null, description));
            return "Target " + created[0].name() + " created.";
        });
        return created[0] == null ? done : "redirect:/bastion/targets/" + created[0].id();
    }

    @PostMapping("/bastion/targets/{id}")
    String update(@PathVariable UUID id, @RequestParam String name, @RequestParam String host, @RequestParam(required = false) Integer port,
            @RequestParam(required = false) String hostKey, @RequestParam(required = false) String groups,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> {
            TargetView before = targets.get(id);
            return "Target " + targets.update(id, new TargetChange(name, host, port, hostKey, groups(groups), before.assetRef(),
                    before.tenantId(), description)).name() + " saved.";
        });
    }

    @PostMapping("/bastion/targets/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets", () -> {
            targets.delete(id);
            return "Target deleted.";
        });
    }

    @PostMapping("/bastion/targets/{id}/host-key/confirm")
    String confirm(@PathVariable UUID id, @RequestParam String fingerprint, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Host key " + targets.confirmHostKey(id, fingerprint)
                .hostKeyFingerprint() + " pinned.");
    }

    @PostMapping("/bastion/targets/{id}/accounts")
    String addAccount(@PathVariable UUID id, @RequestParam String name, @RequestParam String credentialKind, @RequestParam String secret,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Account " + targets.addAccount(id,
                new AccountChange(name, credentialKind, secret)).name() + " added; its credential is in the vault.");
    }

    @PostMapping("/bastion/targets/{id}/accounts/{accountId}/credential")
    String replaceCredential(@PathVariable UUID id, @PathVariable UUID accountId, @RequestParam String credentialKind,
            @RequestParam String secret, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Credential of " + targets.replaceCredential(id, accountId,
                new AccountChange(null, credentialKind, secret)).name() + " replaced.");
    }

    @PostMapping("/bastion/targets/{id}/accounts/{accountId}/delete")
    String deleteAccount(@PathVariable UUID id, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> {
            targets.deleteAccount(id, accountId);
            return "Account removed.";
        });
    }

    @PostMapping("/bastion/targets/{id}/accounts/{accountId}/rotate-password")
    String rotate(@PathVariable UUID id, @PathVariable UUID accountId, @RequestParam(required = false) String via,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Password of " + rotation.rotate(id, accountId, via).name()
                + " rotated and verified; the new one is in the vault.");
    }

    @PostMapping("/bastion/targets/{id}/accounts/{accountId}/rotate-key")
    String rotateKey(@PathVariable UUID id, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Key of " + keyRotation.rotate(id, accountId).name()
                + " rotated and verified; the old key is removed from the target and the new one is in the vault.");
    }

    @PostMapping("/bastion/targets/{id}/accounts/{accountId}/rotation-policy")
    String setRotationPolicy(@PathVariable UUID id, @PathVariable UUID accountId, @RequestParam(required = false) Integer intervalDays,
            @RequestParam(required = false) String via, @RequestParam(required = false) String windowStart,
            @RequestParam(required = false) String windowEnd, @RequestParam(required = false) String windowZone, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Rotation schedule of " + rotationPolicies.set(id, accountId,
                new RotationPolicyChange(intervalDays, via, windowStart, windowEnd, windowZone)).name() + " saved.");
    }

    @PostMapping("/bastion/targets/{id}/accounts/{accountId}/rotation-policy/delete")
    String deleteRotationPolicy(@PathVariable UUID id, @PathVariable UUID accountId, RedirectAttributes redirect) {
        return Flash.run(redirect, "/bastion/targets/" + id, () -> "Rotation schedule of " + rotationPolicies.delete(id, accountId).name()
                + " removed; it is rotated on demand only.");
    }

    private static List<String> groups(String text) {
        return text == null ? List.of() : Arrays.stream(text.split("[,\\s]+")).filter(g -> !g.isBlank()).toList();
    }
}
