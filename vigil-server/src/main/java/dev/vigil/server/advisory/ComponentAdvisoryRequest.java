package dev.vigil.server.advisory;

import java.util.List;

/**
 * An advisory about a service component of the monitoring catalogue.
 *
 * @param component       the component's name
 * @param versions        the deployed versions of the component that are affected (the catalogue keeps none, so the
 *                        publisher names them), e.g. {@code 2026.11.3}
 * @param fixedVersion    the version that fixes the vulnerabilities, or null when none is deployed yet
 * @param vulnerabilities vulnerability ids (CVE, GHSA, ...) to speak of; empty: every open finding of the component's
 *                        assets
 */
public record ComponentAdvisoryRequest(String component, List<String> versions, String fixedVersion,
                                       List<String> vulnerabilities, String title, String summary, String tlp) {
}
