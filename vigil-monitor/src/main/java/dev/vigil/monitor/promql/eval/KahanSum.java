package dev.vigil.monitor.promql.eval;

/**
 * Compensated (Kahan-Babuska) summation as Prometheus uses it for sum/avg/stddev over time and avg; reproducing the
 * exact order of operations keeps results bit-identical with promtool.
 */
final class KahanSum {

    private KahanSum() {
    }

    /** Adds {@code inc} to the running {@code sum}; returns {newSum, newCompensation}. */
    private static double[] add(double inc, double sum, double c) {
        double t = sum + inc;
        if (Math.abs(sum) >= Math.abs(inc)) {
            c += (sum - t) + inc;
        } else {
            c += (inc - t) + sum;
        }
        return new double[] {t, c};
    }

    static double sum(double[] values) {
        double sum = 0;
        double c = 0;
        for (double v : values) {
            double[] r = add(v, sum, c);
            sum = r[0];
            c = r[1];
        }
        return Double.isInfinite(sum) ? sum : sum + c;
    }

    /** Running mean; each term is divided before subtracting to avoid overflow. */
    static double mean(double[] values) {
        double mean = 0;
        double c = 0;
        for (int i = 0; i < values.length; i++) {
            double count = i + 1;
            if (Double.isInfinite(mean)) {
                if (Double.isInfinite(values[i]) && (mean > 0) == (values[i] > 0)) {
                    continue;
                }
                if (!Double.isInfinite(values[i]) && !Double.isNaN(values[i])) {
                    continue;
                }
            }
            double[] r = add(values[i] / count - mean / count, mean, c);
            mean = r[0];
            c = r[1];
        }
        return Double.isInfinite(mean) ? mean : mean + c;
    }

    /** Population variance by Welford's method with compensated accumulators. */
    static double variance(double[] values) {
        double mean = 0;
        double cMean = 0;
        double aux = 0;
        double cAux = 0;
        for (int i = 0; i < values.length; i++) {
            double count = i + 1;
            double delta = values[i] - (mean + cMean);
            double[] m = add(delta / count, mean, cMean);
            mean = m[0];
            cMean = m[1];
            double[] a = add(delta * (values[i] - (mean + cMean)), aux, cAux);
            aux = a[0];
            cAux = a[1];
        }
        return (aux + cAux) / values.length;
    }
}
