package dev.vigil.server.console;

import java.util.UUID;

import dev.vigil.server.alerting.ContactMethodRequest;
import dev.vigil.server.alerting.ContactMethodService;
import dev.vigil.server.identity.TotpEnrolment;
import dev.vigil.server.identity.TwoFactorService;
import dev.vigil.server.identity.UserService;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and TOTP enrolment with a QR code. */
@Controller
class ProfileController {

    private final UserService users;
    private final TwoFactorService twoFactor;
    private final ContactMethodService contacts;

    ProfileController(UserService users, TwoFactorService twoFactor, ContactMethodService contacts) {
        this.contacts = contacts;
        this.users = users;
        this.twoFactor = twoFactor;
    }

    @GetMapping("/profile")
    String profile(Model model) {
        model.addAttribute("self", users.self());
        model.addAttribute("contacts", contacts.mine());
        return "profile";
    }

    @PostMapping("/profile/contacts")
    String addContact(@RequestParam(defaultValue = "") String label, @RequestParam String type, @RequestParam String target,
            RedirectAttributes redirect) {
        return Flash.run(redirect, "/profile", () -> {
            boolean email = type.equals("email");
            contacts.addMine(new ContactMethodRequest(label, type, email ? target : null, email ? null : target, null, null, null, null));
            return "Contact method added.";
        });
    }

    @PostMapping("/profile/contacts/{id}/delete")
    String deleteContact(@PathVariable UUID id, RedirectAttributes redirect) {
        return Flash.run(redirect, "/profile", () -> {
            contacts.deleteMine(id);
            return "Contact method removed.";
        });
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
            model.addAttribute("contacts", contacts.mine());
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
