package dev.vigil.detect.sigma.rule;

/** A reason why a rule file (or a part of it) is not valid or not supported, with its place. */
public record SigmaProblem(String source, int line, String reason) {

    @Override
    public String toString() {
        return source + ":" + line + ": " + reason;
    }
}
