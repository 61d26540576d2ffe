package dev.vigil.vuln.parse.xml;

import java.io.IOException;
import java.io.StringReader;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import dev.vigil.vuln.parse.InvalidInputException;
import org.w3c.dom.Document;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * DOM parsing hardened against XXE and entity expansion: DOCTYPE declarations are refused outright (no scanner format
 * here needs one), external DTDs, schemas and XInclude are off, and the element depth is bounded. Syntax errors name
 * the line and column.
 */
public final class SecureXmlParser {

    /** Deeper documents are refused; real scanner reports nest well under 50 levels. */
    public static final int MAX_ELEMENT_DEPTH = 1000;

    private SecureXmlParser() {
    }

    public static XmlElement parse(String source, String text) throws InvalidInputException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException exception) {
                    // warnings do not stop the import
                }

                @Override
                public void error(SAXParseException exception) throws SAXException {
                    throw exception;
                }

                @Override
                public void fatalError(SAXParseException exception) throws SAXException {
                    throw exception;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are not allowed");
            });
            Document document = builder.parse(new InputSource(new StringReader(text)));
            return new XmlElement(source, document.getDocumentElement(), "/" + localName(document.getDocumentElement()));
        } catch (SAXParseException e) {
            throw new InvalidInputException(source, "line " + e.getLineNumber() + ", column " + e.getColumnNumber(),
                    "malformed XML: " + e.getMessage(), e);
        } catch (SAXException e) {
            throw new InvalidInputException(source, "", "malformed XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new InvalidInputException(source, "", "cannot parse XML: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
        factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        // bounds the depth so that readers walking nested elements cannot overflow the stack
        factory.setAttribute("jdk.xml.maxElementDepth", String.valueOf(MAX_ELEMENT_DEPTH));
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        return factory;
    }

    static String localName(org.w3c.dom.Element element) {
        return element.getLocalName() != null ? element.getLocalName() : element.getTagName();
    }
}
