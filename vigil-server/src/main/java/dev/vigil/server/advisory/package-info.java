/**
 * Security advisories (CSAF 2.0, profile csaf_security_advisory) about a product or a service component: drafted
 * from the vulnerability findings of that product, or of the assets the component of the monitoring catalogue runs
 * on, edited as drafts, checked with vigil-vuln's mandatory tests, published through an approval (each release kept
 * with its revision history), served by the API and as a CSAF provider ({@code /.well-known/csaf/}); the tenants whose
 * assets run an affected version of a product, or that own the component or a component depending on it, are told
 * through alerting's tenant notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Advisory", allowedDependencies = {"platform", "identity", "audit", "asset", "vuln", "approval", "alerting", "monitoring"})
package dev.vigil.server.advisory;
