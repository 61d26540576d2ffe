package dev.vigil.monitor.promql.parse;

import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/** Argument types of the supported PromQL functions; the parser rejects unknown functions and wrong arities. */
public final class FunctionSignatures {

    public enum ArgType { SCALAR, VECTOR, MATRIX, STRING }

    /** {@code optional} trailing arguments may be left out; a variadic signature repeats its last type any number of times. */
    public record Signature(List<ArgType> args, int optional, boolean variadic) {
    }

    private static final ArgType S = ArgType.SCALAR;
    private static final ArgType V = ArgType.VECTOR;
    private static final ArgType M = ArgType.MATRIX;
    private static final ArgType T = ArgType.STRING;

    private static final Map<String, Signature> SIGNATURES = Map.ofEntries(
            entry("abs", sig(0, V)), entry("ceil", sig(0, V)), entry("floor", sig(0, V)), entry("exp", sig(0, V)),
            entry("sqrt", sig(0, V)), entry("ln", sig(0, V)), entry("log2", sig(0, V)), entry("log10", sig(0, V)),
            entry("sgn", sig(0, V)), entry("round", sig(1, V, S)), entry("clamp", sig(0, V, S, S)),
            entry("clamp_min", sig(0, V, S)), entry("clamp_max", sig(0, V, S)),
            entry("rate", sig(0, M)), entry("irate", sig(0, M)), entry("increase", sig(0, M)), entry("delta", sig(0, M)),
            entry("idelta", sig(0, M)), entry("deriv", sig(0, M)), entry("predict_linear", sig(0, M, S)),
            entry("avg_over_time", sig(0, M)), entry("min_over_time", sig(0, M)), entry("max_over_time", sig(0, M)),
            entry("sum_over_time", sig(0, M)), entry("count_over_time", sig(0, M)), entry("last_over_time", sig(0, M)),
            entry("stddev_over_time", sig(0, M)), entry("stdvar_over_time", sig(0, M)),
            entry("present_over_time", sig(0, M)), entry("quantile_over_time", sig(0, S, M)),
            entry("absent", sig(0, V)), entry("absent_over_time", sig(0, M)), entry("changes", sig(0, M)),
            entry("resets", sig(0, M)), entry("time", sig(0)), entry("timestamp", sig(0, V)), entry("vector", sig(0, S)),
            entry("scalar", sig(0, V)), entry("label_replace", sig(0, V, T, T, T, T)),
            entry("label_join", new Signature(List.of(V, T, T, T), 1, true)),
            entry("histogram_quantile", sig(0, S, V)),
            entry("sort", sig(0, V)), entry("sort_desc", sig(0, V)),
            entry("minute", sig(1, V)), entry("hour", sig(1, V)), entry("day_of_week", sig(1, V)),
            entry("day_of_month", sig(1, V)), entry("day_of_year", sig(1, V)), entry("days_in_month", sig(1, V)),
            entry("month", sig(1, V)), entry("year", sig(1, V)));

    private FunctionSignatures() {
    }

    private static Signature sig(int optional, ArgType... args) {
        return new Signature(List.of(args), optional, false);
    }

    public static Signature lookup(String name) {
        return SIGNATURES.get(name);
    }
}
