package dev.vigil.vuln.cvss;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The CVSS v4.0 MacroVector score table (specification §8.2: the score of the highest-severity vector of each of the
 * 270 MacroVectors, as published by the FIRST CVSS SIG). Scores are kept in tenths so that the interpolation can be
 * done in exact integer arithmetic.
 */
final class MacroVectorScores {

    /** One line per EQ1-EQ4 prefix, then {@code EQ5EQ6=score*10} for each existing combination. */
    private static final String TABLE = """
            0000 00=100 01=99 10=98 11=95 20=95 21=92
            0001 00=100 01=96 10=93 11=87 20=91 21=81
            0002 00=93 01=90 10=89 11=80 20=81 21=68
            0010 00=98 01=95 10=95 11=92 20=90 21=84
            0011 00=93 01=92 10=89 11=81 20=81 21=65
            0012 00=88 01=80 10=78 11=70 20=69 21=48
            0020 01=92 11=82 21=72
            0021 01=79 11=69 21=50
            0022 01=69 11=55 21=27
            0100 00=99 01=97 10=95 11=92 20=92 21=85
            0101 00=95 01=91 10=90 11=83 20=84 21=71
            0102 00=92 01=81 10=82 11=71 20=72 21=53
            0110 00=95 01=93 10=92 11=85 20=85 21=73
            0111 00=92 01=82 10=80 11=72 20=70 21=59
            0112 00=84 01=70 10=71 11=52 20=50 21=30
            0120 01=86 11=75 21=52
            0121 01=71 11=52 21=29
            0122 01=63 11=29 21=17
            1000 00=98 01=95 10=94 11=87 20=91 21=81
            1001 00=94 01=89 10=86 11=74 20=77 21=64
            1002 00=87 01=75 10=74 11=63 20=63 21=49
            1010 00=94 01=89 10=88 11=77 20=76 21=67
            1011 00=86 01=76 10=74 11=58 20=59 21=50
            1012 00=72 01=57 10=57 11=52 20=52 21=25
            1020 01=83 11=70 21=54
            1021 01=65 11=58 21=26
            1022 01=53 11=21 21=13
            1100 00=95 01=90 10=88 11=76 20=76 21=70
            1101 00=90 01=77 10=75 11=62 20=61 21=53
            1102 00=77 01=66 10=68 11=59 20=52 21=30
            1110 00=89 01=78 10=76 11=67 20=62 21=58
            1111 00=74 01=59 10=57 11=57 20=47 21=23
            1112 00=61 01=52 10=57 11=29 20=24 21=16
            1120 01=71 11=59 21=30
            1121 01=58 11=26 21=15
            1122 01=23 11=13 21=6
            2000 00=93 01=87 10=86 11=72 20=75 21=58
            2001 00=86 01=74 10=74 11=61 20=56 21=34
            2002 00=70 01=54 10=52 11=40 20=40 21=22
            2010 00=85 01=75 10=74 11=55 20=62 21=51
            2011 00=72 01=57 10=55 11=41 20=46 21=19
            2012 00=53 01=36 10=34 11=19 20=19 21=8
            2020 01=64 11=51 21=20
            2021 01=47 11=21 21=11
            2022 01=24 11=9 21=4
            2100 00=88 01=75 10=73 11=53 20=60 21=50
            2101 00=73 01=55 10=59 11=40 20=41 21=20
            2102 00=54 01=43 10=45 11=22 20=20 21=11
            2110 00=75 01=55 10=58 11=45 20=40 21=21
            2111 00=61 01=51 10=48 11=18 20=20 21=9
            2112 00=46 01=18 10=17 11=7 20=8 21=2
            2120 01=53 11=24 21=14
            2121 01=24 11=12 21=5
            2122 01=10 11=3 21=1
            """;

    private static final Map<String, Integer> TENTHS = parse();

    private MacroVectorScores() {
    }

    /** The MacroVector's score in tenths, or empty when no such MacroVector exists. */
    static OptionalInt tenths(String macroVector) {
        Integer value = TENTHS.get(macroVector);
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    static int size() {
        return TENTHS.size();
    }

    private static Map<String, Integer> parse() {
        Map<String, Integer> table = new HashMap<>();
        for (String line : TABLE.strip().split("\n")) {
            String[] fields = line.strip().split(" ");
            for (int i = 1; i < fields.length; i++) {
                String[] entry = fields[i].split("=");
                table.put(fields[0] + entry[0], Integer.parseInt(entry[1]));
            }
        }
        return Map.copyOf(table);
    }
}
