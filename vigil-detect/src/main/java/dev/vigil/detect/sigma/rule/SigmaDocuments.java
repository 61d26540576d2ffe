package dev.vigil.detect.sigma.rule;

import java.util.ArrayList;
import java.util.List;

/** Everything one rule file yielded: valid documents by kind, and the problems of the invalid ones. */
public record SigmaDocuments(String source, List<SigmaRule> rules, List<SigmaCorrelation> correlations,
                             List<SigmaFilter> filters, List<SigmaProblem> problems) {

    public SigmaDocuments {
        rules = List.copyOf(rules);
        correlations = List.copyOf(correlations);
        filters = List.copyOf(filters);
        problems = List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    static SigmaDocuments collect(String source, List<Object> documents, List<SigmaProblem> problems) {
        List<SigmaRule> rules = new ArrayList<>();
        List<SigmaCorrelation> correlations = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        for (Object document : documents) {
            switch (document) {
                case SigmaRule r -> rules.add(r);
                case SigmaCorrelation c -> correlations.add(c);
                case SigmaFilter f -> filters.add(f);
                default -> throw new IllegalArgumentException("unexpected document " + document);
            }
        }
        return new SigmaDocuments(source, rules, correlations, filters, problems);
    }
}
