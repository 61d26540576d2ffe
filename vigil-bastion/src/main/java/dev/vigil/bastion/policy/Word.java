package dev.vigil.bastion.policy;

import java.util.Set;

/**
 * One shell word after quote removal. {@code value} is what the shell would pass when {@code literal} is true; when an
 * expansion (variable, substitution, glob, brace) is in it, {@code value} keeps the unexpanded text and is not literal.
 */
public record Word(String value, boolean literal, Set<Construct> constructs) {

    public Word {
        constructs = Set.copyOf(constructs);
    }
}
