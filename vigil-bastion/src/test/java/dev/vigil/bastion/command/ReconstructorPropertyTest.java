package dev.vigil.bastion.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever keys an operator presses (printable text, backspace, cursor left/right), the command recorded is the line
 * the terminal shows: checked against a small readline model that echoes the way bash does.
 */
class ReconstructorPropertyTest {

    sealed interface Key {
    }

    record Text(String text) implements Key {
    }

    record Backspace() implements Key {
    }

    record Left() implements Key {
    }

    record Right() implements Key {
    }

    /** A line editor drawing its edits as readline does (insert with ESC[@, delete with backspace + ESC[P). */
    static final class ModelEditor {
        final StringBuilder line = new StringBuilder();
        int cursor;

        String press(Key key) {
            return switch (key) {
                case Text t -> {
                    StringBuilder drawn = new StringBuilder();
                    for (char c : t.text().toCharArray()) {
                        drawn.append(cursor < line.length() ? "\u001b[1@" + c : String.valueOf(c));
                        line.insert(cursor++, c);
                    }
                    yield drawn.toString();
                }
                case Backspace b -> {
                    if (cursor == 0) {
                        yield "\u0007";
                    }
                    line.deleteCharAt(--cursor);
                    yield "\b\u001b[1P";
                }
                case Left l -> {
                    if (cursor == 0) {
                        yield "\u0007";
                    }
                    cursor--;
                    yield "\b";
                }
                case Right r -> {
                    if (cursor == line.length()) {
                        yield "\u0007";
                    }
                    cursor++;
                    yield "\u001b[C";
                }
            };
        }

        static String keysOf(Key key) {
            return switch (key) {
                case Text t -> t.text();
                case Backspace b -> "\u007f";
                case Left l -> "\u001b[D";
                case Right r -> "\u001b[C";
            };
        }
    }

    @Provide
    Arbitrary<List<Key>> keys() {
        Arbitrary<Key> text = Arbitraries.strings().withCharRange('a', 'z').withChars(' ', '-', '/', '.', '|', '$', 'é')
                .ofMinLength(1).ofMaxLength(6).map(Text::new);
        Arbitrary<Key> edit = Arbitraries.of(new Backspace(), new Left(), new Right());
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, text), net.jqwik.api.Tuple.of(2, edit)).list().ofMaxSize(25);
    }

    @Property(tries = 300)
    void theRecordedCommandIsTheDisplayedLine(@ForAll("keys") List<Key> keys) {
        List<CommandLine> lines = new ArrayList<>();
        CommandReconstructor reconstructor = new CommandReconstructor(lines::add);
        ModelEditor editor = new ModelEditor();
        reconstructor.output("\u001b[?2004hops@web01:~$ ");
        for (Key key : keys) {
            reconstructor.input(ModelEditor.keysOf(key));
            reconstructor.output(editor.press(key));
        }
        reconstructor.input("\r");
        reconstructor.output("\r\n\u001b[?2004l\r");

        String expected = editor.line.toString().strip();
        if (expected.isEmpty()) {
            assertThat(lines.stream().filter(l -> !l.secret()).toList()).isEmpty();
        } else {
            assertThat(lines).containsExactly(new CommandLine(expected, false));
        }
    }

}
