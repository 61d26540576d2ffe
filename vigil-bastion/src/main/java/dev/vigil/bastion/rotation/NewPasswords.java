package dev.vigil.bastion.rotation;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Random passwords for target accounts: upper and lower case letters, digits and punctuation (at least one of each,
 * as password-quality rules on targets ask), without characters that {@code chpasswd} (':'), a terminal (controls)
 * or a shell prompt reader could take for something else (space, quotes, backslash).
 */
public final class NewPasswords {

    static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    static final String DIGITS = "23456789";
    static final String PUNCTUATION = "%+-.,_=@#^*()[]{}~/";
    private static final String ALL = UPPER + LOWER + DIGITS + PUNCTUATION;

    private final SecureRandom random = new SecureRandom();

    public String next(int length) {
        if (length < 12 || length > 128) {
            throw new IllegalArgumentException("a generated password has 12-128 characters");
        }
        List<Character> chars = new ArrayList<>(length);
        for (String set : List.of(UPPER, LOWER, DIGITS, PUNCTUATION)) {
            chars.add(pick(set));
        }
        while (chars.size() < length) {
            chars.add(pick(ALL));
        }
        Collections.shuffle(chars, random);
        StringBuilder out = new StringBuilder(length);
        chars.forEach(out::append);
        return out.toString();
    }

    private char pick(String set) {
        return set.charAt(random.nextInt(set.length()));
    }
}
