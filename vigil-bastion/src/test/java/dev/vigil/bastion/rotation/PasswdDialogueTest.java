package dev.vigil.bastion.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The prompts of passwd as shadow-utils with PAM, older PAM and BusyBox print them in the C locale. */
class PasswdDialogueTest {

    @Test
    void shadowUtilsAsksTheCurrentPasswordThenTheNewOneTwice() {
        PasswdDialogue dialogue = new PasswdDialogue("old", "new");
        assertThat(dialogue.answer("Changing password for vr1.\r\n")).isEmpty();
        assertThat(dialogue.answer("Changing password for vr1.\r\nCurrent password: ")).contains("old");
        assertThat(dialogue.answer("\r\nNew password: ")).contains("new");
        assertThat(dialogue.answer("\r\nRetype new password: ")).contains("new");
        assertThat(dialogue.answer("\r\npasswd: password updated successfully\r\n")).isEmpty();
    }

    @Test
    void olderPamAndBusyBoxPromptsAreAnsweredToo() {
        PasswdDialogue pam = new PasswdDialogue("old", "new");
        assertThat(pam.answer("(current) UNIX password: ")).contains("old");
        assertThat(pam.answer("Enter new UNIX password: ")).contains("new");
        assertThat(pam.answer("Retype new UNIX password: ")).contains("new");
        PasswdDialogue busybox = new PasswdDialogue("old", "new");
        assertThat(busybox.answer("Old password: ")).contains("old");
        assertThat(busybox.answer("New password: ")).contains("new");
        assertThat(busybox.answer("Re-enter new password: ")).contains("new");
    }

    @Test
    void aRepeatedPromptAfterARefusalIsNotAnsweredForever() {
        PasswdDialogue dialogue = new PasswdDialogue("old", "new");
        dialogue.answer("Current password: ");
        dialogue.answer("New password: ");
        dialogue.answer("Retype new password: ");
        assertThat(dialogue.answer("BAD PASSWORD: too simple\r\nNew password: ")).isEqualTo(Optional.empty());
    }
}
