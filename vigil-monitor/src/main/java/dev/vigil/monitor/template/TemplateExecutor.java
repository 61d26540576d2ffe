package dev.vigil.monitor.template;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.vigil.monitor.template.TemplateNode.Command;
import dev.vigil.monitor.template.TemplateNode.Operand;
import dev.vigil.monitor.template.TemplateNode.Pipeline;

/** Runs a parsed template; variables are scoped per block like Go's. */
final class TemplateExecutor {

    private final Map<String, Object> rootVariables;

    TemplateExecutor(Map<String, Object> variables) {
        this.rootVariables = variables;
    }

    void run(List<TemplateNode> nodes, Object dot, StringBuilder out) {
        Map<String, Object> vars = new HashMap<>(rootVariables);
        vars.put("", dot);
        runList(nodes, dot, vars, out);
    }

    private void runList(List<TemplateNode> nodes, Object dot, Map<String, Object> vars, StringBuilder out) {
        for (TemplateNode node : nodes) {
            switch (node) {
                case TemplateNode.Text t -> out.append(t.text());
                case TemplateNode.Action a -> {
                    Object v = pipeline(a.pipeline(), dot, vars);
                    if (a.pipeline().declared().isEmpty()) {
                        out.append(GoValues.print(v));
                    }
                }
                case TemplateNode.Block b -> block(b, dot, vars, out);
            }
        }
    }

    private void block(TemplateNode.Block b, Object dot, Map<String, Object> outer, StringBuilder out) {
        Map<String, Object> vars = new HashMap<>(outer);
        if (b.keyword().equals("range")) {
            Pipeline p = b.pipeline();
            Object collection = pipeline(new Pipeline(List.of(), false, p.commands()), dot, vars);
            List<Object[]> items = new ArrayList<>();
            if (collection instanceof Map<?, ?> m) {
                new TreeMap<>(m).forEach((k, v) -> items.add(new Object[] {k, v}));
            } else if (collection instanceof List<?> l) {
                for (int i = 0; i < l.size(); i++) {
                    items.add(new Object[] {(long) i, l.get(i)});
                }
            } else if (collection != null) {
                throw new TemplateException("range can't iterate over " + GoValues.print(collection));
            }
            if (items.isEmpty()) {
                runList(b.elseBranch(), dot, vars, out);
                return;
            }
            for (Object[] item : items) {
                Map<String, Object> scope = new HashMap<>(vars);
                if (p.declared().size() == 1) {
                    scope.put(p.declared().getFirst(), item[1]);
                } else if (p.declared().size() == 2) {
                    scope.put(p.declared().get(0), item[0]);
                    scope.put(p.declared().get(1), item[1]);
                }
                runList(b.body(), item[1], scope, out);
            }
            return;
        }
        Object value = pipeline(b.pipeline(), dot, vars);
        if (GoValues.truthy(value)) {
            runList(b.body(), b.keyword().equals("with") ? value : dot, vars, out);
        } else {
            runList(b.elseBranch(), dot, vars, out);
        }
    }

    private Object pipeline(Pipeline p, Object dot, Map<String, Object> vars) {
        Object value = null;
        boolean first = true;
        for (Command c : p.commands()) {
            value = command(c, dot, vars, first ? NO_ARG : value);
            first = false;
        }
        for (String name : p.declared()) {
            if (p.assign() && !vars.containsKey(name)) {
                throw new TemplateException("undefined variable: $" + name);
            }
            vars.put(name, value);
        }
        return value;
    }

    private static final Object NO_ARG = new Object();

    private Object command(Command c, Object dot, Map<String, Object> vars, Object piped) {
        Operand head = c.operands().getFirst();
        if (head instanceof TemplateNode.Function f) {
            List<Object> args = new ArrayList<>();
            for (Operand o : c.operands().subList(1, c.operands().size())) {
                args.add(operand(o, dot, vars));
            }
            if (piped != NO_ARG) {
                args.add(piped);
            }
            return TemplateFunctions.call(f.name(), args);
        }
        if (c.operands().size() > 1 || piped != NO_ARG) {
            throw new TemplateException("can't give argument to non-function " + describe(head));
        }
        return operand(head, dot, vars);
    }

    private Object operand(Operand o, Object dot, Map<String, Object> vars) {
        return switch (o) {
            case TemplateNode.Literal l -> l.value();
            case TemplateNode.DotField d -> fields(dot, d.fields());
            case TemplateNode.Variable v -> {
                if (!vars.containsKey(v.name())) {
                    throw new TemplateException("undefined variable: $" + v.name());
                }
                yield fields(vars.get(v.name()), v.fields());
            }
            case TemplateNode.Function f -> TemplateFunctions.call(f.name(), List.of());
            case TemplateNode.Nested n -> fields(pipeline(n.pipeline(), dot, vars), n.fields());
        };
    }

    private static Object fields(Object value, List<String> fields) {
        Object current = value;
        for (String field : fields) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(field);
            } else {
                throw new TemplateException("can't evaluate field " + field + " in type " + GoValues.goType(current));
            }
        }
        return current;
    }

    private static String describe(Operand o) {
        return switch (o) {
            case TemplateNode.Variable v -> "$" + v.name();
            case TemplateNode.DotField d -> "." + String.join(".", d.fields());
            default -> o.toString();
        };
    }
}
