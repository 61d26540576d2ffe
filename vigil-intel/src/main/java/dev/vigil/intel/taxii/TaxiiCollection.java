package dev.vigil.intel.taxii;

import java.net.URI;

/** One collection of an API root; {@code url} is where its {@code objects/} endpoint lives below. */
public record TaxiiCollection(String id, String title, String description, boolean canRead, URI url) {
}
