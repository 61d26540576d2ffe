package dev.vigil.server.console;

import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.identity.UserView;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page after sign-in. */
@Controller
class HomeController {

    private final AccessPolicy access;
    private final UserService users;

    HomeController(AccessPolicy access, UserService users) {
        this.access = access;
        this.users = users;
    }

    @GetMapping("/")
    String home(Model model) {
        UserView self = users.self();
        model.addAttribute("self", self);
        model.addAttribute("totpMissing", !self.totpEnabled());
        model.addAttribute("principal", access.requireCurrent());
        return "home";
    }
}
