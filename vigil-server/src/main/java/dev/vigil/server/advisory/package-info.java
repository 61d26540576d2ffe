/**
 * Security advisories (CSAF 2.0, profile csaf_security_advisory) about a product: drafted from the vulnerability
 * findings of that product, edited as drafts, checked with vigil-vuln's mandatory tests, published through an
 * approval (each release kept with its revision history), served by the API and as a CSAF provider
 * ({@code /.well-known/csaf/}); the tenants whose assets run an affected version are told through alerting's tenant
 * notices.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Advisory", allowedDependencies = {"platform", "identity", "audit", "asset", "vuln", "approval", "alerting"})
package dev.vigil.server.advisory;
