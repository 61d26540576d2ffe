package dev.vigil.server.console;

import dev.vigil.server.identity.TotpEnrolment;
import dev.vigil.server.identity.TwoFactorService;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and TOTP enrolment with a QR code. */
@Controller
class ProfileController {

    private final UserService users;
    private final TwoFactorService twoFactor;

    ProfileController(UserService users, TwoFactorService twoFactor) {
        this.users = users;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("self", users.self());
        return "profile";
    }

    @PostMapping("/profile/password")
    String password(@RequestParam String currentPassword, @RequestParam String newPassword, @RequestParam String repeatPassword,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/profile", () -> {
            if (!newPassword.equals(repeatPassword)) {
                throw ProblemException.badRequest("mismatch", "the two new passwords differ");
            }
            users.changeOwnPassword(currentPassword, newPassword);
            return "Password changed.";
        });
    }

    @PostMapping("/profile/totp/start")
    String startTotp(Model model, RedirectAttributes redirect) {
        try {
            TotpEnrolment enrolment = twoFactor.start();
            model.addAttribute("self", users.self());
            model.addAttribute("enrolment", enrolment);
            model.addAttribute("qr", QrCodes.pngDataUri(enrolment.otpauthUri()));
            return "profile";
        } catch (ProblemException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/profile";
        }
    }

    @PostMapping("/profile/totp/confirm")
    String confirmTotp(@RequestParam String code, RedirectAttributes redirect) {
        return Flash.run(redirect, "/profile", () -> {
            twoFactor.confirm(code.trim());
            return "Two-factor authentication is on. You will be asked for a code at each sign-in.";
        });
    }

    @PostMapping("/profile/totp/remove")
    String removeTotp(@RequestParam String code, RedirectAttributes redirect) {
        return Flash.run(redirect, "/profile", () -> {
            twoFactor.remove(code.trim());
            return "Two-factor authentication removed.";
        });
    }
}
