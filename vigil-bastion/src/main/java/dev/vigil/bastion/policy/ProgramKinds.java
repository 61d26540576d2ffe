package dev.vigil.bastion.policy;

import java.util.Set;
import java.util.regex.Pattern;

/** Programs the analyser knows by kind: shells, interpreters, editors, pagers, and runners it does not unwrap. */
final class ProgramKinds {

    static final Set<String> SHELLS = Set.of("sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "csh", "tcsh", "rbash", "yash");
    private static final Set<String> INTERPRETERS = Set.of("perl", "ruby", "node", "nodejs", "php", "lua", "luajit", "tclsh", "wish",
            "irb", "R", "Rscript", "pwsh", "groovy", "jshell", "deno", "bun", "osascript", "expect", "gdb", "guile", "racket", "ghci",
            "julia", "scala", "erl", "elixir", "iex", "busybox-sh");
    private static final Pattern VERSIONED_INTERPRETER = Pattern.compile("(python|pypy|perl|ruby|php|lua|node)[0-9.]*");
    static final Set<String> AWKS = Set.of("awk", "gawk", "mawk", "nawk", "busybox-awk");
    static final Set<String> EDITORS = Set.of("vi", "vim", "nvim", "view", "vimdiff", "rvim", "emacs", "nano", "pico", "ed", "ex", "joe",
            "mcedit", "jed", "micro", "kak", "hx", "sudoedit", "visudo", "vipw", "crontab");
    static final Set<String> PAGERS = Set.of("less", "more", "most", "pg", "man", "pager", "w3m", "lynx", "info");
    /** Programs that run a command given as arguments in ways not unwrapped here. */
    static final Set<String> UNKNOWN_RUNNERS = Set.of("strace", "ltrace", "valgrind", "parallel", "nsenter", "unshare", "firejail",
            "proxychains", "proxychains4", "torsocks", "faketime", "systemd-run", "dbus-run-session", "dbus-launch", "tmux", "screen",
            "sg", "newgrp", "pkexec", "eatmydata", "fakeroot", "catchsegv", "ssh-agent", "coproc", "unbuffer", "rlwrap", "at", "batch",
            "nc", "ncat", "socat", "ssh", "perf", "numactl", "cgexec", "capsh", "setpriv", "prlimit", "daemonize", "start-stop-daemon",
            "mpirun", "srun", "docker", "podman", "kubectl", "lxc-attach", "machinectl", "systemd-nspawn", "toolbox", "distrobox");

    private ProgramKinds() {
    }

    static boolean interpreter(String program) {
        return INTERPRETERS.contains(program) || VERSIONED_INTERPRETER.matcher(program).matches();
    }
}
