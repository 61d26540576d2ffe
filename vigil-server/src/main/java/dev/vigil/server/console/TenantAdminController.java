package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.identity.TenantService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tenants: the customers whose data and assets Vigil protects. */
@Controller
class TenantAdminController {

    private final TenantService tenants;

    TenantAdminController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/admin/tenants")
    String list(Model model) {
        model.addAttribute("tenants", tenants.listVisible());
        return "tenants";
    }

    @PostMapping("/admin/tenants")
    String create(@RequestParam String slug, @RequestParam String name, @RequestParam(defaultValue = "") String description,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/tenants", () -> {
            if (!slug.trim().matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw dev.vigil.server.platform.web.ProblemException.badRequest("invalid-input",
                        "the slug must be lower-case letters, digits and dashes (1-63)");
            }
            if (name.isBlank()) {
                throw dev.vigil.server.platform.web.ProblemException.badRequest("invalid-input", "the name is required");
            }
            tenants.create(slug.trim(), name.trim(), description.trim());
            return "Tenant " + slug.trim() + " created.";
        });
    }

    @PostMapping("/admin/tenants/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/tenants", () -> {
            tenants.delete(id);
            return "Tenant deleted.";
        });
    }
}
