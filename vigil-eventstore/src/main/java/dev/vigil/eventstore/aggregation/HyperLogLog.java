package dev.vigil.eventstore.aggregation;

/**
 * A HyperLogLog sketch over 64-bit hashes with 2^14 registers (16 KB): about 0.8 % standard error, with linear
 * counting while many registers are still empty. 64-bit hashes make the large-range correction unnecessary.
 */
final class HyperLogLog {
    private static final int PRECISION = 14;
    private static final int REGISTERS = 1 << PRECISION;
    private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);

    private final byte[] registers = new byte[REGISTERS];

    void add(long hash) {
        int register = (int) (hash >>> (64 - PRECISION));
        // the rank is the position of the first 1 bit after the register bits; the guard bit caps it
        long rest = (hash << PRECISION) | (1L << (PRECISION - 1));
        byte rank = (byte) (Long.numberOfLeadingZeros(rest) + 1);
        if (rank > registers[register]) {
            registers[register] = rank;
        }
    }

    void merge(HyperLogLog other) {
        for (int i = 0; i < REGISTERS; i++) {
            if (other.registers[i] > registers[i]) {
                registers[i] = other.registers[i];
            }
        }
    }

    long estimate() {
        double sum = 0;
        int empty = 0;
        for (byte register : registers) {
            sum += Math.scalb(1.0, -register);
            if (register == 0) {
                empty++;
            }
        }
        double raw = ALPHA * REGISTERS * (double) REGISTERS / sum;
        if (raw <= 2.5 * REGISTERS && empty > 0) {
            return Math.round(REGISTERS * Math.log((double) REGISTERS / empty));
        }
        return Math.round(raw);
    }
}
