package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The menu shown when an operator connects without naming a target: the targets they may open a shell on now, chosen
 * by number or by {@code account%target}. The terminal is in raw mode, so the menu echoes and edits the line itself.
 */
final class TargetMenu {

    private static final int MAX_LINE = 200;

    private final InputStream in;
    private final OutputStream out;

    TargetMenu(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** The chosen target, or empty when the operator left (Ctrl-C, Ctrl-D, q, end of input) or has no targets. */
    Optional<TargetChoice> choose(Operator operator, List<TargetChoice> choices) throws IOException {
        if (choices.isEmpty()) {
            print("vigil: " + operator.username() + " holds no grant for an interactive shell right now.\r\n");
            return Optional.empty();
        }
        StringBuilder menu = new StringBuilder("Vigil bastion - targets for ").append(operator.username()).append(":\r\n");
        for (int i = 0; i < choices.size(); i++) {
            TargetChoice choice = choices.get(i);
            menu.append(String.format("  %3d) %s%c%s", i + 1, choice.account(), TargetAddress.SEPARATOR, choice.target()));
            if (choice.description() != null && !choice.description().isBlank()) {
                menu.append("  - ").append(choice.description());
            }
            menu.append("\r\n");
        }
        print(menu.toString());
        while (true) {
            print("Target (number or account%target, q to quit): ");
            Optional<String> line = readLine();
            if (line.isEmpty() || line.get().equals("q")) {
                return Optional.empty();
            }
            Optional<TargetChoice> chosen = match(line.get().strip(), choices);
            if (chosen.isPresent()) {
                return chosen;
            }
            print("No such target.\r\n");
        }
    }

    static Optional<TargetChoice> match(String answer, List<TargetChoice> choices) {
        try {
            int number = Integer.parseInt(answer);
            return number >= 1 && number <= choices.size() ? Optional.of(choices.get(number - 1)) : Optional.empty();
        } catch (NumberFormatException notANumber) {
            return choices.stream().filter(c -> answer.equals(c.account() + TargetAddress.SEPARATOR + c.target())
                    || answer.equals(c.target()) && choices.stream().filter(o -> o.target().equals(answer)).count() == 1)
                    .findFirst();
        }
    }

    private Optional<String> readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            switch (b) {
                case -1, 3, 4 -> {
                    print("\r\n");
                    return Optional.empty();
                }
                case '\r', '\n' -> {
                    print("\r\n");
                    return Optional.of(line.toString());
                }
                case 8, 127 -> {
                    if (!line.isEmpty()) {
                        line.setLength(line.length() - 1);
                        print("\b \b");
                    }
                }
                default -> {
                    if (b >= ' ' && b < 127 && line.length() < MAX_LINE) {
                        line.append((char) b);
                        print(String.valueOf((char) b));
                    }
                }
            }
        }
    }

    private void print(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
