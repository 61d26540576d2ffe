package dev.vigil.intel.taxii;

import java.net.URI;
import java.util.List;

/** A TAXII server's discovery resource: its title and the API roots it offers ({@code defaultRoot} may be null). */
public record TaxiiDiscovery(String title, URI defaultRoot, List<URI> apiRoots) {

    public TaxiiDiscovery {
        apiRoots = List.copyOf(apiRoots);
    }
}
