package dev.vigil.server.console;

import java.util.List;
import java.util.UUID;

import dev.vigil.server.identity.CreatedUser;
import dev.vigil.server.identity.NewUser;
import dev.vigil.server.identity.RoleService;
import dev.vigil.server.identity.TenantService;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.identity.UserView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration pages. */
@Controller
class UserAdminController {

    private final UserService users;
    private final RoleService roles;
    private final TenantService tenants;

    UserAdminController(UserService users, RoleService roles, TenantService tenants) {
        this.users = users;
        this.roles = roles;
        this.tenants = tenants;
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", roles.list());
        model.addAttribute("tenants", tenants.listVisible());
        return "users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, @RequestParam(required = false) String tenantId,
            @RequestParam(required = false) List<String> roleNames, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users", () -> {
            CreatedUser created = users.create(new NewUser(username, displayName, email, uuidOrNull(tenantId),
                    roleNames == null ? List.of() : roleNames, null, true));
            redirect.addFlashAttribute("createdUser", created.user().username());
            redirect.addFlashAttribute("createdPassword", created.generatedPassword());
            return "User " + created.user().username() + " created.";
        });
    }

    @GetMapping("/admin/users/{id}")
    String detail(@PathVariable UUID id, Model model) {
        model.addAttribute("user", users.get(id));
        model.addAttribute("roles", roles.list());
        model.addAttribute("tenants", tenants.listVisible());
        return "user";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String email, @RequestParam(required = false) String tenantId,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users/" + id, () -> {
            UserView user = users.get(id);
            users.update(id, displayName, email, uuidOrNull(tenantId), user.enabled());
            return "Saved.";
        });
    }

    @PostMapping("/admin/users/{id}/roles")
    String setRoles(@PathVariable UUID id, @RequestParam(required = false) List<String> roleNames, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users/" + id, () -> {
            users.setRoles(id, roleNames == null ? List.of() : roleNames);
            return "Roles saved.";
        });
    }

    @PostMapping("/admin/users/{id}/enabled")
    String setEnabled(@PathVariable UUID id, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users/" + id, () -> {
            UserView user = users.get(id);
            users.update(id, user.displayName(), user.email(), user.tenantId(), enabled);
            return enabled ? "User enabled." : "User disabled; their sessions and tokens stopped working.";
        });
    }

    @PostMapping("/admin/users/{id}/password-reset")
    String resetPassword(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users/" + id, () -> {
            redirect.addFlashAttribute("temporaryPassword", users.resetPassword(id));
            return "Temporary password set; the user must change it at next sign-in.";
        });
    }

    @PostMapping("/admin/users/{id}/unlock")
    String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users/" + id, () -> {
            users.unlock(id);
            return "Account unlocked.";
        });
    }

    @PostMapping("/admin/users/{id}/totp-reset")
    String resetTotp(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users/" + id, () -> {
            users.resetTotp(id);
            return "Two-factor authentication reset; the user can enrol a new device.";
        });
    }

    @PostMapping("/admin/users/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/users", () -> {
            String name = users.get(id).username();
            users.delete(id);
            return "User " + name + " deleted.";
        });
    }

    static UUID uuidOrNull(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw dev.vigil.server.platform.web.ProblemException.badRequest("invalid-input", "'" + text + "' is not a tenant id");
        }
    }
}
