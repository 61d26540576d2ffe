package dev.vigil.server.console;

import java.util.Arrays;
import java.util.UUID;

import dev.vigil.server.identity.PermissionCatalogue;
import dev.vigil.server.identity.RoleService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Roles: the built-in ones and custom roles made of permissions. */
@Controller
class RoleAdminController {

    private final RoleService roles;

    RoleAdminController(RoleService roles) {
        this.roles = roles;
    }

    @GetMapping("/admin/roles")
    String list(Model model) {
        model.addAttribute("roles", roles.list());
        model.addAttribute("catalogue", new java.util.TreeMap<>(PermissionCatalogue.actions()));
        return "roles";
    }

    @PostMapping("/admin/roles")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String description,
            @RequestParam(defaultValue = "") String permissions, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/roles", () -> {
            var list = Arrays.stream(permissions.split("[\\s,]+")).filter(p -> !p.isBlank()).toList();
            roles.create(name.trim(), description.trim(), list);
            return "Role " + name.trim() + " created.";
        });
    }

    @PostMapping("/admin/roles/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/roles", () -> {
            String name = roles.get(id).name();
            roles.delete(id);
            return "Role " + name + " deleted.";
        });
    }
}
