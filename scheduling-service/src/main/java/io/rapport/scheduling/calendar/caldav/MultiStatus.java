package io.rapport.scheduling.calendar.caldav;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A WebDAV multistatus answer (RFC 4918 §13) to a calendar-query: the {@code CALDAV:calendar-data} text of each
 * response whose propstat is 200. The parser refuses DOCTYPEs and external entities, since the server is whatever
 * address the member typed.
 */
public final class MultiStatus {

    static final String DAV = "DAV:";
    static final String CALDAV = "urn:ietf:params:xml:ns:caldav";

    private MultiStatus() {
    }

    /** @throws IllegalArgumentException when the body is not a multistatus document */
    public static List<String> calendarData(byte[] body) {
        org.w3c.dom.Document document;
        try {
            document = parser().parse(new ByteArrayInputStream(body));
        } catch (SAXException | java.io.IOException e) {
            throw new IllegalArgumentException("not XML: " + e.getMessage());
        }
        Element root = document.getDocumentElement();
        if (!DAV.equals(root.getNamespaceURI()) || !"multistatus".equals(root.getLocalName())) {
            throw new IllegalArgumentException("not a DAV:multistatus but " + root.getLocalName());
        }
        List<String> data = new ArrayList<>();
        NodeList propstats = root.getElementsByTagNameNS(DAV, "propstat");
        for (int i = 0; i < propstats.getLength(); i++) {
            Element propstat = (Element) propstats.item(i);
            NodeList statuses = propstat.getElementsByTagNameNS(DAV, "status");
            if (statuses.getLength() > 0 && !statuses.item(0).getTextContent().contains(" 200")) {
                continue;
            }
            NodeList calendarData = propstat.getElementsByTagNameNS(CALDAV, "calendar-data");
            for (int j = 0; j < calendarData.getLength(); j++) {
                data.add(calendarData.item(j).getTextContent());
            }
        }
        return data;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser takes these features", e);
        }
    }

}
