package dev.vigil.bastion.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ShellLexerTest {

    private static List<List<String>> words(String line) {
        return ShellLexer.parse(line).commands().stream().map(c -> c.words().stream().map(Word::value).toList()).toList();
    }

    @Test
    void quotesAndEscapesAreRemovedAsTheShellDoes() {
        assertThat(words("r''m -rf x")).containsExactly(List.of("rm", "-rf", "x"));
        assertThat(words("\\rm x")).containsExactly(List.of("rm", "x"));
        assertThat(words("\"r\"m 'a b' \"c\\\"d\"")).containsExactly(List.of("rm", "a b", "c\"d"));
        assertThat(words("$'\\x72\\x6d' x $'\\162\\155' $'a\\tb'")).containsExactly(List.of("rm", "x", "rm", "a\tb"));
    }

    @Test
    void listsPipelinesAndSubshellsAreSplitIntoSimpleCommands() {
        assertThat(words("ls; rm x && id || pwd | wc -l & sleep 1\nwhoami")).containsExactly(List.of("ls"), List.of("rm", "x"),
                List.of("id"), List.of("pwd"), List.of("wc", "-l"), List.of("sleep", "1"), List.of("whoami"));
        assertThat(words("(cd /tmp && rm x)")).containsExactly(List.of("cd", "/tmp"), List.of("rm", "x"));
        ParsedLine piped = ShellLexer.parse("ls | xargs rm");
        assertThat(piped.commands().get(1).readsPipe()).isTrue();
        assertThat(piped.constructs()).contains(Construct.PIPE);
    }

    @Test
    void expansionsAreMarkedAndNotTakenLiterally() {
        ParsedLine line = ShellLexer.parse("$a$b -rf x");
        Word program = line.commands().get(0).words().get(0);
        assertThat(program.literal()).isFalse();
        assertThat(program.constructs()).contains(Construct.VARIABLE);
        assertThat(ShellLexer.parse("/bin/r? x").commands().get(0).words().get(0).constructs()).contains(Construct.GLOB);
        assertThat(ShellLexer.parse("echo {a,b}").constructs()).contains(Construct.BRACE_EXPANSION);
        assertThat(ShellLexer.parse("ls ~/x").constructs()).contains(Construct.TILDE);
        assertThat(ShellLexer.parse("!!").constructs()).contains(Construct.HISTORY_EXPANSION);
        assertThat(ShellLexer.parse("^a^b").constructs()).contains(Construct.HISTORY_EXPANSION);
        assertThat(ShellLexer.parse("[ -f x ]").commands().get(0).words().get(0).literal()).isTrue();
    }

    @Test
    void substitutionsAreKeptAsCommandsThatRun() {
        SimpleCommand command = ShellLexer.parse("echo $(printf rm) `id` <(cat /etc/shadow)").commands().get(0);
        assertThat(command.substitutions()).containsExactly("printf rm", "id", "cat /etc/shadow");
    }

    @Test
    void redirectionsAreNotArgumentsAndAssignmentsAreNotPrograms() {
        SimpleCommand command = ShellLexer.parse("A=1 B='x y' cat < in 2>&1 >> out").commands().get(0);
        assertThat(command.assignments()).containsExactly("A=1", "B=x y");
        assertThat(command.words()).extracting(Word::value).containsExactly("cat");
        assertThat(command.redirections()).containsExactly("<in", ">&1", ">>out");
    }

    @Test
    void hereDocumentBodiesAreDataNotCommands() {
        ParsedLine line = ShellLexer.parse("cat > t.sh <<'EOF'\nrm -rf /\nEOF\nsh t.sh");
        assertThat(line.heredocs()).containsExactly("rm -rf /\n");
        assertThat(line.commands()).extracting(c -> c.words().get(0).value()).containsExactly("cat", "sh");
        assertThat(line.incomplete()).isFalse();
        assertThat(ShellLexer.parse("cat <<EOF").incomplete()).isTrue();
        ParsedLine unquoted = ShellLexer.parse("cat <<EOF\n$(rm x)\nEOF");
        assertThat(unquoted.commands()).anyMatch(c -> c.substitutions().contains("rm x"));
    }

    @Test
    void openQuotesAndTrailingOperatorsAreIncomplete() {
        assertThat(ShellLexer.parse("echo 'abc").incomplete()).isTrue();
        assertThat(ShellLexer.parse("echo \"abc").incomplete()).isTrue();
        assertThat(ShellLexer.parse("ls |").incomplete()).isTrue();
        assertThat(ShellLexer.parse("ls &&").incomplete()).isTrue();
        assertThat(ShellLexer.parse("ls | wc").incomplete()).isFalse();
        assertThat(ShellLexer.parse("ls \\").incomplete()).isTrue();
    }
}
