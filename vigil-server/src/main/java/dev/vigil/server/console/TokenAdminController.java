package dev.vigil.server.console;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import dev.vigil.server.identity.ApiTokenService;
import dev.vigil.server.identity.IssuedToken;
import dev.vigil.server.identity.TokenView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** API tokens: created with their secret shown once, revoked in place (htmx). */
@Controller
class TokenAdminController {

    private final ApiTokenService tokens;

    TokenAdminController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/admin/tokens")
    String list(Model model) {
        model.addAttribute("tokens", tokens.list());
        return "tokens";
    }

    @PostMapping("/admin/tokens")
    String create(@RequestParam String name, @RequestParam(defaultValue = "") String owner,
            @RequestParam(defaultValue = "") String permissions, @RequestParam(defaultValue = "90") int lifetimeDays,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/admin/tokens", () -> {
            var scope = Arrays.stream(permissions.split("[\\s,]+")).filter(p -> !p.isBlank()).toList();
            if (lifetimeDays < 1) {
                throw dev.vigil.server.platform.web.ProblemException.badRequest("invalid-input", "the lifetime must be at least one day");
            }
            IssuedToken issued = tokens.create(name, owner, scope, Duration.ofDays(lifetimeDays));
            redirect.addFlashAttribute("secret", issued.secret());
            return "Token " + issued.token().name() + " created. Copy the secret now: it is not shown again.";
        });
    }

    @PostMapping("/admin/tokens/{id}/revoke")
    String revoke(@PathVariable UUID id, @RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
            RedirectAttributes redirect) {
        if (htmx != null) {
            TokenView revoked = tokens.revoke(id);
            model.addAttribute("t", revoked);
            return "tokens :: row";
        }
        return Flash.run(redirect, "/admin/tokens", () -> {
            tokens.revoke(id);
            return "Token revoked.";
        });
    }
}
