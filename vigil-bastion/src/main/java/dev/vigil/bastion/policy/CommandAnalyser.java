package dev.vigil.bastion.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns a command line into the commands that will run ({@link CommandUnit}s) and the concerns a line filter has about
 * them: every simple command of every list, pipeline and subshell; the commands inside known wrappers ({@code sudo},
 * {@code env}, {@code bash -c}, {@code xargs}, {@code find -exec}, {@code eval}...) and inside command substitutions.
 * Programs are judged by their base name, so {@code /bin/rm} and {@code \rm} are {@code rm}.
 */
public final class CommandAnalyser {

    private static final int MAX_DEPTH = 6;
    private static final Set<String> LEADING_KEYWORDS = Set.of("if", "then", "else", "elif", "do", "while", "until", "!", "{", "}", "fi",
            "done", "esac", "in");
    private static final Set<String> COMPOUND_KEYWORDS = Set.of("for", "case", "select", "function");

    public CommandAnalysis analyse(String line) {
        List<CommandUnit> units = new ArrayList<>();
        Set<Construct> constructs = EnumSet.noneOf(Construct.class);
        List<Finding> lineFindings = new ArrayList<>();
        List<String> heredocs = new ArrayList<>();
        analyse(line, 0, List.of(), units, constructs, lineFindings, heredocs);
        return new CommandAnalysis(line, units, constructs, lineFindings, heredocs);
    }

    private void analyse(String text, int depth, List<String> via, List<CommandUnit> units, Set<Construct> constructs,
            List<Finding> lineFindings, List<String> heredocs) {
        if (depth > MAX_DEPTH) {
            lineFindings.add(new Finding(Concern.TOO_DEEP, text));
            return;
        }
        ParsedLine parsed = ShellLexer.parse(text);
        constructs.addAll(parsed.constructs());
        heredocs.addAll(parsed.heredocs());
        if (parsed.incomplete()) {
            lineFindings.add(new Finding(Concern.INCOMPLETE, text.strip()));
        }
        if (parsed.constructs().contains(Construct.HISTORY_EXPANSION)) {
            lineFindings.add(new Finding(Concern.HISTORY_EXPANSION, text.strip()));
        }
        for (SimpleCommand command : parsed.commands()) {
            for (String substitution : command.substitutions()) {
                List<String> inner = new ArrayList<>(via);
                inner.add("$(...)");
                analyse(substitution, depth + 1, inner, units, constructs, lineFindings, heredocs);
            }
            List<Word> words = command.words();
            int start = 0;
            while (start < words.size() && words.get(start).literal() && LEADING_KEYWORDS.contains(words.get(start).value())) {
                start++;
            }
            if (start < words.size() && words.get(start).literal() && COMPOUND_KEYWORDS.contains(words.get(start).value())) {
                constructs.add(Construct.COMPOUND);
                continue;
            }
            if (start < words.size()) {
                judge(words.subList(start, words.size()), command.source(), command.readsPipe(), depth, via, units, constructs, lineFindings,
                        heredocs);
            }
        }
    }

    /** One command's words: a unit for it, then (for a wrapper) the command it runs. */
    private void judge(List<Word> words, String source, boolean readsPipe, int depth, List<String> via, List<CommandUnit> units,
            Set<Construct> constructs, List<Finding> lineFindings, List<String> heredocs) {
        Word first = words.get(0);
        List<String> values = words.stream().map(Word::value).toList();
        List<Finding> findings = new ArrayList<>();
        if (!first.literal() && !onlyDirectoryExpands(first)) {
            findings.add(new Finding(Concern.PROGRAM_HIDDEN, first.value()));
            units.add(new CommandUnit(null, values, source, via, false, false, findings));
            return;
        }
        String program = baseName(first.value());
        Wrappers.Inner inner = Wrappers.unwrap(program, words.subList(1, words.size()), readsPipe, findings);
        kindFindings(program, words, readsPipe, inner, findings);
        units.add(new CommandUnit(program, values, source, via, inner != null, inner != null && inner.transparent(), findings));
        if (inner == null) {
            return;
        }
        List<String> deeper = new ArrayList<>(via);
        deeper.add(program);
        if (inner.text() != null) {
            analyse(inner.text(), depth + 1, deeper, units, constructs, lineFindings, heredocs);
        }
        for (List<Word> command : inner.commands()) {
            if (!command.isEmpty() && depth < MAX_DEPTH) {
                judge(command, source, readsPipe && inner.keepsInput(), depth + 1, deeper, units, constructs, lineFindings, heredocs);
            }
        }
    }

    private static void kindFindings(String program, List<Word> words, boolean readsPipe, Wrappers.Inner inner, List<Finding> findings) {
        if (ProgramKinds.EDITORS.contains(program)) {
            findings.add(new Finding(Concern.LAUNCHES_EDITOR, program));
        } else if (ProgramKinds.PAGERS.contains(program)) {
            findings.add(new Finding(Concern.LAUNCHES_PAGER, program));
        } else if (ProgramKinds.AWKS.contains(program)) {
            findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, program));
            if (words.stream().skip(1).anyMatch(w -> w.value().contains("system") || w.value().contains("|"))) {
                findings.add(new Finding(Concern.RUNS_COMMANDS, program + " program calls system() or a pipe"));
            }
        } else if (ProgramKinds.interpreter(program)) {
            interpreterFindings(program, words, readsPipe, findings);
        } else if (ProgramKinds.UNKNOWN_RUNNERS.contains(program)) {
            findings.add(new Finding(Concern.UNKNOWN_WRAPPER, program));
        } else if (program.equals("git") && words.stream().anyMatch(w -> w.value().equals("-c") || w.value().startsWith("--config-env")
                || w.value().startsWith("--exec-path"))) {
            findings.add(new Finding(Concern.RUNS_COMMANDS, "git -c sets configuration such as core.pager"));
        } else if (program.equals("fc")) {
            findings.add(new Finding(Concern.HISTORY_EXPANSION, "fc re-runs history"));
        } else if (transfer(program, words)) {
            findings.add(new Finding(Concern.FILE_TRANSFER, program));
        }
    }

    private static void interpreterFindings(String program, List<Word> words, boolean readsPipe, List<Finding> findings) {
        boolean inline = words.stream().skip(1).anyMatch(w -> Set.of("-c", "-e", "-E", "-r", "--eval", "-p", "--print", "-x").contains(w.value()));
        boolean script = words.stream().skip(1).anyMatch(w -> !w.value().startsWith("-"));
        if (inline) {
            findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, program + " with inline code"));
        } else if (script) {
            findings.add(new Finding(Concern.RUNS_SCRIPT, program + " " + words.stream().skip(1).filter(w -> !w.value().startsWith("-"))
                    .findFirst().map(Word::value).orElse("")));
        } else if (readsPipe) {
            findings.add(new Finding(Concern.PIPE_INTO_INTERPRETER, program));
        } else {
            findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, program));
        }
    }

    private static boolean transfer(String program, List<Word> words) {
        List<String> args = words.stream().skip(1).map(Word::value).toList();
        return program.equals("scp") && (args.contains("-t") || args.contains("-f"))
                || program.contains("sftp-server") || program.equals("internal-sftp")
                || program.equals("rsync") && args.contains("--server");
    }

    /** {@code /???/rm} or {@code ~/bin/rm}: the directory is a pattern, the program's name is not. */
    private static boolean onlyDirectoryExpands(Word word) {
        Set<Construct> harmless = EnumSet.of(Construct.GLOB, Construct.TILDE, Construct.QUOTING, Construct.ESCAPE);
        String name = baseName(word.value());
        return harmless.containsAll(word.constructs()) && word.value().contains("/") && name.chars().noneMatch(c -> "*?[]".indexOf(c) >= 0)
                && !name.isEmpty();
    }

    static String baseName(String word) {
        String stripped = word;
        while (stripped.length() > 1 && stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        int slash = stripped.lastIndexOf('/');
        return slash < 0 ? stripped : stripped.substring(slash + 1);
    }
}
