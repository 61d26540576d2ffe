package dev.vigil.events.parse.auth;

import java.util.Map;
import java.util.Set;

import dev.vigil.events.parse.draft.EventDraft;

/** The programs whose messages make the authentication log, and the reader for each one's messages. */
public final class AuthPrograms {
    private static final Set<String> AUTH_PROGRAMS = Set.of("sshd", "sudo", "su", "login", "useradd", "groupadd",
            "usermod", "userdel", "groupdel", "groupmod", "passwd", "chpasswd", "chage", "gpasswd", "newusers",
            "chsh", "chfn", "systemd-logind", "polkitd", "pkexec");

    private final PamMessages pam = new PamMessages();
    private final Map<String, AuthMessageParser> parsers;

    public AuthPrograms() {
        AccountMessages accounts = new AccountMessages();
        parsers = Map.ofEntries(
                Map.entry("sshd", new SshdMessages(pam)),
                Map.entry("sudo", new SudoMessages()),
                Map.entry("su", new SuMessages()),
                Map.entry("useradd", accounts),
                Map.entry("groupadd", accounts),
                Map.entry("usermod", accounts),
                Map.entry("userdel", accounts),
                Map.entry("groupdel", accounts),
                Map.entry("groupmod", accounts),
                Map.entry("passwd", accounts));
    }

    public boolean isAuthProgram(String program) {
        return AUTH_PROGRAMS.contains(program);
    }

    /**
     * Reads {@code message} as written by {@code program}.
     *
     * @param module the PAM module the syslog tag named ({@code sshd(pam_unix)}), or null
     * @return whether it was an authentication message: from an authentication program or a PAM module
     */
    public boolean parse(String program, String module, String message, EventDraft draft) {
        if (module != null && module.startsWith("pam_")) {
            pam.parseBody(program, message, draft);
            return true;
        }
        if (message.startsWith("pam_") && pam.parse(message, draft)) {
            return true;
        }
        AuthMessageParser parser = parsers.get(program);
        if (parser != null) {
            parser.parse(message, draft);
        }
        return isAuthProgram(program);
    }
}
