package dev.vigil.server.console;

import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.vigil.server.identity.ConsoleSession;
import dev.vigil.server.identity.LoginResult;
import dev.vigil.server.identity.LoginService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Console sign-in: password first, then the TOTP code on a second page when the user has one. */
@Controller
class LoginController {

    private final LoginService logins;

    LoginController(LoginService logins) {
        this.logins = logins;
    }

    @GetMapping("/login")
    String loginPage() {
        return "login";
    }

    @PostMapping("/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
            HttpServletRequest request, Model model) {
        LoginResult result = logins.authenticate(username, password, null, request.getRemoteAddr());
        return switch (result) {
            case LoginResult.Success success -> {
                ConsoleSession.signIn(request, success.userId());
                yield success.passwordChangeRequired() ? "redirect:/profile" : "redirect:/";
            }
            case LoginResult.TotpRequired totp -> {
                ConsoleSession.awaitTotp(request, totp.userId());
                yield "redirect:/login/totp";
            }
            case LoginResult.Refused refused -> {
                model.addAttribute("error", refused.message());
                model.addAttribute("username", username);
                yield "login";
            }
        };
    }

    @GetMapping("/login/totp")
    String totpPage(HttpServletRequest request) {
        return ConsoleSession.pendingTotpUser(request) == null ? "redirect:/login" : "login-totp";
    }

    @PostMapping("/login/totp")
    String totp(@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model) {
        UUID pending = ConsoleSession.pendingTotpUser(request);
        if (pending == null) {
            return "redirect:/login";
        }
        LoginResult result = logins.authenticateSecondFactor(pending, code, request.getRemoteAddr());
        return switch (result) {
            case LoginResult.Success success -> {
                ConsoleSession.signIn(request, success.userId());
                yield success.passwordChangeRequired() ? "redirect:/profile" : "redirect:/";
            }
            case LoginResult.TotpRequired again -> "login-totp";
            case LoginResult.Refused refused -> {
                model.addAttribute("error", refused.message());
                yield refused.retryAfterSeconds() > 0 ? "login" : "login-totp";
            }
        };
    }

}
