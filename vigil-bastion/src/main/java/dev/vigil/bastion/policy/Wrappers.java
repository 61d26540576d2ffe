package dev.vigil.bastion.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Commands that run another command: where that command is in their arguments (words, or a string the shell parses
 * again), and whether the wrapper itself matters to an allow-list ({@code env}, {@code nice}, {@code time} do not;
 * {@code sudo}, {@code bash -c}, {@code xargs} do).
 */
final class Wrappers {

    /** The command a wrapper runs: a string to parse again and/or word lists; {@code keepsInput}: it reads the wrapper's stdin. */
    record Inner(String text, List<List<Word>> commands, boolean transparent, boolean keepsInput) {
    }

    private Wrappers() {
    }

    /** The inner command of a known wrapper, or null when {@code program} is not one (findings may still be added). */
    static Inner unwrap(String program, List<Word> args, boolean readsPipe, List<Finding> findings) {
        return switch (program) {
            case "env" -> env(args);
            case "nice" -> words(args, Set.of("-n", "--adjustment"), 0, true);
            case "nohup", "builtin", "setsid" -> words(args, Set.of(), 0, true);
            case "time" -> words(args, Set.of("-f", "--format", "-o", "--output"), 0, true);
            case "command" -> args.stream().anyMatch(w -> w.value().equals("-v") || w.value().equals("-V")) ? null
                    : words(args, Set.of(), 0, true);
            case "exec" -> words(args, Set.of("-a"), 0, true);
            case "timeout" -> words(args, Set.of("-s", "--signal", "-k", "--kill-after"), 1, true);
            case "stdbuf" -> words(args, Set.of("-i", "-o", "-e", "--input", "--output", "--error"), 0, true);
            case "ionice" -> words(args, Set.of("-c", "--class", "-n", "--classdata", "-p", "--pid", "-P", "--pgid", "-u", "--uid"), 0, true);
            case "taskset" -> words(args, Set.of(), 1, true);
            case "chrt" -> words(args, Set.of(), 1, true);
            case "busybox" -> words(args, Set.of(), 0, true);
            case "sudo", "doas" -> sudo(args, findings);
            case "su", "runuser" -> su(args, findings);
            case "xargs" -> {
                findings.add(new Finding(Concern.ARGUMENTS_FROM_INPUT, "xargs"));
                Inner inner = words(args, Set.of("-I", "-n", "-P", "-L", "-d", "-E", "-a", "-s", "--max-args", "--max-procs", "--delimiter",
                        "--arg-file", "--replace", "--max-lines", "--eof", "--max-chars", "--process-slot-var"), 0, false);
                yield inner.commands().get(0).isEmpty() ? new Inner(null, List.of(List.of(literal("echo"))), false, false) : inner;
            }
            case "watch" -> args.stream().anyMatch(w -> w.value().equals("-x") || w.value().equals("--exec"))
                    ? words(args, Set.of("-n", "--interval"), 0, false)
                    : new Inner(joined(rest(args, Set.of("-n", "--interval"))), List.of(), false, false);
            case "script" -> commandOption(args, "script", findings, true);
            case "flock" -> {
                Inner option = commandOption(args, "flock", findings, false);
                yield option != null ? option : words(args, Set.of("-w", "--timeout", "-E", "--conflict-exit-code"), 1, false);
            }
            case "chroot" -> {
                Inner inner = words(args, Set.of("--userspec", "--groups"), 1, false);
                if (inner.commands().get(0).isEmpty()) {
                    findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, "chroot starts a shell"));
                }
                yield inner;
            }
            case "eval" -> {
                if (args.stream().anyMatch(w -> !w.literal())) {
                    findings.add(new Finding(Concern.EVALUATES_TEXT, "eval of expanded text"));
                }
                yield new Inner(joined(args), List.of(), false, true);
            }
            case "source", "." -> {
                findings.add(new Finding(readsPipe || args.isEmpty() || stdin(args.get(0).value()) ? Concern.PIPE_INTO_INTERPRETER
                        : Concern.RUNS_SCRIPT, program + (args.isEmpty() ? "" : " " + args.get(0).value())));
                yield null;
            }
            case "find" -> find(args, findings);
            default -> ProgramKinds.SHELLS.contains(program) ? shell(program, args, readsPipe, findings) : null;
        };
    }

    private static Inner env(List<Word> args) {
        int i = 0;
        while (i < args.size()) {
            String value = args.get(i).value();
            if (value.equals("-S") || value.equals("--split-string")) {
                return new Inner(i + 1 < args.size() ? args.get(i + 1).value() : "", List.of(), true, true);
            }
            if (value.startsWith("--split-string=")) {
                return new Inner(value.substring("--split-string=".length()), List.of(), true, true);
            }
            if (value.equals("--")) {
                i++;
                break;
            }
            if (Set.of("-u", "--unset", "-C", "--chdir").contains(value)) {
                i += 2;
            } else if (value.startsWith("-") || value.contains("=") && !value.startsWith("=")) {
                i++;
            } else {
                break;
            }
        }
        return new Inner(null, List.of(args.subList(Math.min(i, args.size()), args.size())), true, true);
    }

    private static Inner sudo(List<Word> args, List<Finding> findings) {
        Set<String> withArgument = Set.of("-u", "--user", "-g", "--group", "-h", "--host", "-p", "--prompt", "-C", "--close-from", "-D",
                "--chdir", "-r", "--role", "-t", "--type", "-T", "--command-timeout", "-U", "--other-user");
        List<Word> command = rest(args, withArgument);
        List<String> options = args.subList(0, args.size() - command.size()).stream().map(Word::value).toList();
        if (options.stream().anyMatch(o -> o.equals("-e") || o.equals("--edit"))) {
            findings.add(new Finding(Concern.LAUNCHES_EDITOR, "sudo -e"));
            return null;
        }
        boolean shell = options.stream().anyMatch(o -> o.equals("-s") || o.equals("--shell") || o.equals("-i") || o.equals("--login")
                || o.matches("-[A-Za-z]*[si][A-Za-z]*"));
        if (command.isEmpty()) {
            if (shell) {
                findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, "sudo starts a shell"));
            }
            return null;
        }
        return new Inner(null, List.of(command), false, true);
    }

    private static Inner su(List<Word> args, List<Finding> findings) {
        Inner option = commandOption(args, "su", findings, false);
        if (option != null) {
            return option;
        }
        int dashes = indexOf(args, "--");
        if (dashes >= 0 && dashes + 1 < args.size()) {
            return new Inner(null, List.of(args.subList(dashes + 1, args.size())), false, true);
        }
        findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, "su starts a shell"));
        return null;
    }

    /** {@code -c CMD} / {@code --command CMD} as in su, script, flock; without it {@code startsShell} adds a finding. */
    private static Inner commandOption(List<Word> args, String program, List<Finding> findings, boolean startsShell) {
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).value();
            if ((value.matches("-[A-Za-z]*c") || value.equals("--command")) && i + 1 < args.size()) {
                return new Inner(args.get(i + 1).value(), List.of(), false, true);
            }
            if (value.startsWith("--command=")) {
                return new Inner(value.substring("--command=".length()), List.of(), false, true);
            }
        }
        if (startsShell) {
            findings.add(new Finding(Concern.LAUNCHES_INTERPRETER, program + " starts a shell"));
        }
        return null;
    }

    private static Inner shell(String program, List<Word> args, boolean readsPipe, List<Finding> findings) {
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).value();
            if (value.equals("-o") || value.equals("+o") || value.equals("-O") || value.equals("+O")) {
                i++;
                continue;
            }
            if (value.startsWith("-") && !value.startsWith("--") && value.contains("c")) {
                int code = i + 1;
                while (code < args.size() && args.get(code).value().startsWith("-")) {
                    code++;
                }
                if (code < args.size()) {
                    if (!args.get(code).literal()) {
                        findings.add(new Finding(Concern.EVALUATES_TEXT, program + " -c with expanded text"));
                    }
                    return new Inner(args.get(code).value(), List.of(), false, true);
                }
                findings.add(new Finding(Concern.INCOMPLETE, program + " -c without a command"));
                return null;
            }
            if (!value.startsWith("-") && !value.startsWith("+")) {
                findings.add(new Finding(stdin(value) ? Concern.PIPE_INTO_INTERPRETER : Concern.RUNS_SCRIPT, program + " " + value));
                return null;
            }
        }
        boolean fromInput = readsPipe || args.stream().anyMatch(w -> w.value().equals("-s"));
        findings.add(new Finding(fromInput ? Concern.PIPE_INTO_INTERPRETER : Concern.LAUNCHES_INTERPRETER, program));
        return null;
    }

    private static Inner find(List<Word> args, List<Finding> findings) {
        List<List<Word>> commands = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String value = args.get(i).value();
            if (Set.of("-exec", "-execdir", "-ok", "-okdir").contains(value)) {
                int end = i + 1;
                while (end < args.size() && !args.get(end).value().equals(";") && !args.get(end).value().equals("+")) {
                    end++;
                }
                commands.add(args.subList(i + 1, end));
                findings.add(new Finding(Concern.RUNS_COMMANDS, "find " + value));
                i = end;
            } else if (value.equals("-delete")) {
                commands.add(List.of(literal("rm"), literal("(find -delete)")));
            }
        }
        return commands.isEmpty() ? null : new Inner(null, commands, false, false);
    }

    /** The words after the options (those in {@code withArgument} take one) and {@code skip} further words. */
    private static Inner words(List<Word> args, Set<String> withArgument, int skip, boolean transparent) {
        List<Word> command = rest(args, withArgument);
        command = command.subList(Math.min(skip, command.size()), command.size());
        return new Inner(null, List.of(command), transparent, true);
    }

    private static List<Word> rest(List<Word> args, Set<String> withArgument) {
        int i = 0;
        while (i < args.size()) {
            String value = args.get(i).value();
            if (value.equals("--")) {
                i++;
                break;
            }
            if (!value.startsWith("-") || value.equals("-")) {
                break;
            }
            i += withArgument.contains(value) ? 2 : 1;
        }
        return args.subList(Math.min(i, args.size()), args.size());
    }

    private static String joined(List<Word> args) {
        return String.join(" ", args.stream().map(Word::value).toList());
    }

    private static int indexOf(List<Word> args, String value) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).value().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean stdin(String file) {
        return file.equals("-") || file.equals("/dev/stdin") || file.startsWith("/dev/fd/") || file.startsWith("/proc/self/fd/");
    }

    private static Word literal(String value) {
        return new Word(value, true, Set.of());
    }
}
