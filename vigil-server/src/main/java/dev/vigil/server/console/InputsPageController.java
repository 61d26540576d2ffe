package dev.vigil.server.console;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.identity.TenantService;
import dev.vigil.server.ingest.IngestTokenService;
import dev.vigil.server.ingest.InputChange;
import dev.vigil.server.ingest.InputHealthService;
import dev.vigil.server.ingest.InputService;
import dev.vigil.server.ingest.IssuedIngestToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Inputs with their health, and their ingest tokens. */
@Controller
class InputsPageController {

    private final InputService inputs;
    private final InputHealthService health;
    private final IngestTokenService tokens;
    private final TenantService tenants;

    InputsPageController(InputService inputs, InputHealthService health, IngestTokenService tokens, TenantService tenants) {
        this.inputs = inputs;
        this.health = health;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    @GetMapping("/inputs")
    String list(Model model) {
        model.addAttribute("health", health.list());
        model.addAttribute("inputs", inputs.list());
        model.addAttribute("tokens", tokens.list(null));
        model.addAttribute("tenants", tenants.all());
        return "inputs";
    }

    @PostMapping("/inputs")
    String create(@RequestParam String name, @RequestParam String type, @RequestParam(defaultValue = "") String format,
            @RequestParam(defaultValue = "platform") String tenant, @RequestParam(defaultValue = "") String asset,
            @RequestParam(defaultValue = "") String sources, @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/inputs", () -> {
            List<String> ranges = Arrays.stream(sources.split("[\\s,]+")).filter(s -> !s.isBlank()).toList();
            var created = inputs.create(new InputChange(name, type, format.isBlank() ? null : format, tenant, asset, ranges,
                    description, true));
            return "Input " + created.name() + " created.";
        });
    }

    @PostMapping("/inputs/{id}/enabled")
    String enable(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.run(redirect, "/inputs", () -> {
            var changed = inputs.update(id, new InputChange(null, null, null, null, null, null, null, enabled));
            return "Input " + changed.name() + (enabled ? " enabled." : " disabled.");
        });
    }

    @PostMapping("/inputs/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/inputs", () -> {
            inputs.delete(id);
            return "Input deleted.";
        });
    }

    @PostMapping("/inputs/{id}/tokens")
    String createToken(@PathVariable UUID id, @RequestParam String name, @RequestParam(defaultValue = "0") int lifetimeDays,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/inputs", () -> {
            IssuedIngestToken issued = tokens.create(id, name, lifetimeDays > 0 ? Duration.ofDays(lifetimeDays) : null);
            redirect.addFlashAttribute("secret", issued.secret());
            return "Ingest token " + issued.token().name() + " created for " + issued.token().inputName()
                    + ". Copy the secret now: it is not shown again.";
        });
    }

    @PostMapping("/inputs/tokens/{id}/revoke")
    String revokeToken(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/inputs", () -> {
            tokens.revoke(id);
            return "Ingest token revoked.";
        });
    }
}
