package dev.vigil.bastion.policy;

/** A concern about one command of a line, with what raised it. */
public record Finding(Concern concern, String detail) {

    @Override
    public String toString() {
        return concern.description() + " (" + detail + ")";
    }
}
