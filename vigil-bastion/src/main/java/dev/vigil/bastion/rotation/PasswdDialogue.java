package dev.vigil.bastion.rotation;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Answers the prompts of {@code passwd} run by an account for itself in a terminal: the current password first, then
 * the new one twice. Works on the prompts of shadow-utils/PAM ({@code Current password:}, {@code (current) UNIX
 * password:}, {@code New password:}, {@code Retype new password:}) and BusyBox ({@code Old password:}, {@code Re-enter
 * new password:}) in the C locale, which the rotator asks for.
 */
final class PasswdDialogue {

    private static final Pattern CURRENT = Pattern.compile("(?i)(current|old)[^\\n]*password[^\\n]*:\\s*$");
    private static final Pattern REPEAT = Pattern.compile("(?i)(retype|re-enter|again|repeat|confirm)[^\\n]*:\\s*$");
    private static final Pattern NEW = Pattern.compile("(?i)new[^\\n]*password[^\\n]*:\\s*$");

    private final String current;
    private final String next;
    private int answered;

    PasswdDialogue(String current, String next) {
        this.current = current;
        this.next = next;
    }

    /** The answer (without the line end) to the text shown since the last answer, or empty while no prompt is complete. */
    Optional<String> answer(String shownSinceLastAnswer) {
        if (answered >= 3) {
            return Optional.empty();
        }
        String answer = null;
        if (CURRENT.matcher(shownSinceLastAnswer).find()) {
            answer = current;
        } else if (REPEAT.matcher(shownSinceLastAnswer).find() || NEW.matcher(shownSinceLastAnswer).find()) {
            answer = next;
        }
        if (answer != null) {
            answered++;
        }
        return Optional.ofNullable(answer);
    }
}
