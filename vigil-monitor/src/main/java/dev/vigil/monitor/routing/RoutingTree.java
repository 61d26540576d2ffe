package dev.vigil.monitor.routing;

import java.util.List;
import java.util.Map;

/** The routing tree of an Alertmanager configuration: which routes (and so receivers) an alert goes to. */
public final class RoutingTree {

    private final Route root;

    RoutingTree(Route root) {
        this.root = root;
    }

    public Route root() {
        return root;
    }

    /**
     * The routes that handle an alert with these labels, in tree order; never empty (the root catches what no child
     * takes). A receiver may appear more than once when several matched routes name it.
     */
    public List<Route> route(Map<String, String> labels) {
        return List.copyOf(root.match(labels));
    }

    /** The receivers of {@link #route}, in order (what {@code amtool config routes test} prints). */
    public List<String> receivers(Map<String, String> labels) {
        return route(labels).stream().map(Route::receiver).toList();
    }
}
