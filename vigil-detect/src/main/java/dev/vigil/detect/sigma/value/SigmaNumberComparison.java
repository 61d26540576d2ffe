package dev.vigil.detect.sigma.value;

import java.math.BigDecimal;

/** {@code lt}, {@code lte}, {@code gt}, {@code gte}: numeric comparison of the field value with {@code bound}. */
public record SigmaNumberComparison(Operator operator, BigDecimal bound) implements SigmaValue {

    public enum Operator {
        LT, LTE, GT, GTE;

        public boolean holds(int comparison) {
            return switch (this) {
                case LT -> comparison < 0;
                case LTE -> comparison <= 0;
                case GT -> comparison > 0;
                case GTE -> comparison >= 0;
            };
        }
    }
}
