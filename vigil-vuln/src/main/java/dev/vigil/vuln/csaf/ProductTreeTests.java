package dev.vigil.vuln.csaf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;

import static dev.vigil.vuln.csaf.CsafDocumentView.each;
import static dev.vigil.vuln.csaf.CsafDocumentView.text;

/** §6.1.13, 6.1.25, 6.1.31: product identification helpers and version branches. */
final class ProductTreeTests {

    /** §6.1.31: operators and keywords that make a product_version name a range. */
    private static final Pattern VERSION_RANGE = Pattern.compile(
            "<|>|\\b(after|all|before|earlier|later|prior|versions)\\b", Pattern.CASE_INSENSITIVE);

    private ProductTreeTests() {
    }

    static List<ConformanceTest> all() {
        return List.of(
                new ConformanceTest("6.1.13", "PURL", ProductTreeTests::purl),
                new ConformanceTest("6.1.25", "Multiple Use of Same Hash Algorithm", ProductTreeTests::hashAlgorithms),
                new ConformanceTest("6.1.31", "Version Range in Product Version", ProductTreeTests::versionRange));
    }

    private static void purl(CsafDocumentView doc, Report report) {
        for (ProductTreeIndex.Located product : doc.productTree().fullProductNames()) {
            String purl = text(product.node().path("product_identification_helper").path("purl"));
            if (purl != null) {
                try {
                    new PackageURL(purl);
                } catch (MalformedPackageURLException e) {
                    report.fail(product.path() + "/product_identification_helper/purl",
                            "invalid package URL: " + e.getMessage());
                }
            }
        }
    }

    private static void hashAlgorithms(CsafDocumentView doc, Report report) {
        for (ProductTreeIndex.Located product : doc.productTree().fullProductNames()) {
            String hashesPath = product.path() + "/product_identification_helper/hashes";
            each(product.node().path("product_identification_helper").path("hashes"), hashesPath, (file, filePath) -> {
                Map<String, String> first = new HashMap<>();
                each(file.path("file_hashes"), filePath + "/file_hashes", (hash, hashPath) -> {
                    String algorithm = text(hash.path("algorithm"));
                    if (algorithm != null) {
                        String earlier = first.putIfAbsent(algorithm, hashPath);
                        if (earlier != null) {
                            report.fail(hashPath + "/algorithm", "hash algorithm " + algorithm + " is already used at " + earlier);
                        }
                    }
                });
            });
        }
    }

    private static void versionRange(CsafDocumentView doc, Report report) {
        for (ProductTreeIndex.Located branch : doc.productTree().branches()) {
            String name = text(branch.node().path("name"));
            if ("product_version".equals(text(branch.node().path("category"))) && name != null
                    && VERSION_RANGE.matcher(name).find()) {
                report.fail(branch.path() + "/name", "'" + name + "' is a version range; use the category product_version_range");
            }
        }
    }
}
