package dev.vigil.bastion.gateway;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an operator types as the SSH user name: {@code operator}, {@code operator%target} or
 * {@code operator%account%target}, so that {@code ssh -p 2222 alice%root%web01@bastion} reaches account {@code root} on
 * target {@code web01} as Vigil user {@code alice}. Without a target the gateway shows a menu of the operator's targets
 * (shell only); without an account the grant must name exactly one account for that target.
 */
public record TargetAddress(String operator, Optional<String> account, Optional<String> target) {

    public static final char SEPARATOR = '%';
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");

    public TargetAddress {
        requireName(operator, "operator");
        account.ifPresent(a -> requireName(a, "account"));
        target.ifPresent(t -> requireName(t, "target"));
        if (account.isPresent() && target.isEmpty()) {
            throw new IllegalArgumentException("an account needs a target: operator%account%target");
        }
    }

    /** Throws IllegalArgumentException with a message an operator can act on. */
    public static TargetAddress parse(String loginName) {
        if (loginName == null || loginName.isEmpty()) {
            throw new IllegalArgumentException("empty user name; use operator, operator%target or operator%account%target");
        }
        String[] parts = loginName.split(Pattern.quote(String.valueOf(SEPARATOR)), -1);
        return switch (parts.length) {
            case 1 -> new TargetAddress(parts[0], Optional.empty(), Optional.empty());
            case 2 -> new TargetAddress(parts[0], Optional.empty(), Optional.of(parts[1]));
            case 3 -> new TargetAddress(parts[0], Optional.of(parts[1]), Optional.of(parts[2]));
            default -> throw new IllegalArgumentException("too many '%' in '" + loginName
                    + "'; use operator, operator%target or operator%account%target");
        };
    }

    public TargetAddress withTarget(String account, String target) {
        return new TargetAddress(operator, Optional.ofNullable(account), Optional.of(target));
    }

    private static void requireName(String value, String what) {
        if (value == null || !NAME.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid " + what + " name '" + value
                    + "' in the SSH user name; use operator, operator%target or operator%account%target");
        }
    }

    @Override
    public String toString() {
        return operator + target.map(t -> SEPARATOR + account.map(a -> a + SEPARATOR).orElse("") + t).orElse("");
    }
}
