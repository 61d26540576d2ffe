package dev.vigil.monitor.template;

import java.util.List;

/** Parsed Go text/template syntax. */
sealed interface TemplateNode {

    record Text(String text) implements TemplateNode {
    }

    record Action(Pipeline pipeline) implements TemplateNode {
    }

    /** {@code if}/{@code with} (with rebinds dot) and {@code range}; {@code elseBranch} may be empty. */
    record Block(String keyword, Pipeline pipeline, List<TemplateNode> body, List<TemplateNode> elseBranch) implements TemplateNode {
    }

    /** {@code declared} are the variables of {@code $x := ...} or {@code $k, $v := range ...}; {@code assign} is {@code =}. */
    record Pipeline(List<String> declared, boolean assign, List<Command> commands) {
    }

    record Command(List<Operand> operands) {
    }

    sealed interface Operand {
    }

    record Literal(Object value) implements Operand {
    }

    /** {@code .}, {@code .A.B}: fields of dot. */
    record DotField(List<String> fields) implements Operand {
    }

    record Variable(String name, List<String> fields) implements Operand {
    }

    record Function(String name) implements Operand {
    }

    record Nested(Pipeline pipeline, List<String> fields) implements Operand {
    }
}
