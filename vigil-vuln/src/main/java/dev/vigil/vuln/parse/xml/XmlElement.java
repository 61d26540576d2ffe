package dev.vigil.vuln.parse.xml;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.vuln.parse.InvalidInputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A DOM element with its path from the root (e.g. {@code /report/report/results/result[3]}), matched by local name so
 * that namespaced formats (CycloneDX) read like plain ones. Errors name the path.
 */
public final class XmlElement {

    private final String source;
    private final Element element;
    private final String path;

    XmlElement(String source, Element element, String path) {
        this.source = source;
        this.element = element;
        this.path = path;
    }

    public String name() {
        return SecureXmlParser.localName(element);
    }

    public String path() {
        return path;
    }

    public String namespace() {
        return element.getNamespaceURI();
    }

    /** Direct child elements with the given local name, in document order. */
    public List<XmlElement> children(String name) {
        List<XmlElement> children = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element e) {
                String local = SecureXmlParser.localName(e);
                int index = counts.merge(local, 1, Integer::sum);
                if (local.equals(name)) {
                    children.add(new XmlElement(source, e, path + "/" + local + "[" + index + "]"));
                }
            }
        }
        return children;
    }

    /** The first direct child with the given local name, or null. */
    public XmlElement child(String name) {
        List<XmlElement> children = children(name);
        return children.isEmpty() ? null : children.get(0);
    }

    /** Follows a chain of first children, or null when any is missing. */
    public XmlElement descendant(String... names) {
        XmlElement current = this;
        for (String name : names) {
            current = current.child(name);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /** Trimmed text of the first child with that name; null when absent or empty. */
    public String childText(String name) {
        XmlElement child = child(name);
        return child == null ? null : child.text();
    }

    /** Trimmed text content; null when empty. */
    public String text() {
        String text = element.getTextContent();
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** Text of this element's own text nodes only (e.g. a GMP {@code <host>} that also has child elements). */
    public String ownText() {
        StringBuilder sb = new StringBuilder();
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                sb.append(child.getNodeValue());
            }
        }
        String trimmed = sb.toString().strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** The attribute value, or null when absent or empty. */
    public String attribute(String name) {
        String value = element.getAttribute(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public String requiredAttribute(String name) throws InvalidInputException {
        String value = attribute(name);
        if (value == null) {
            throw error("required attribute '" + name + "' is missing or empty");
        }
        return value;
    }

    public InvalidInputException error(String reason) {
        return new InvalidInputException(source, "element " + path, reason);
    }
}
