package org.videoplatform.media.control;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One page of an S3 ListParts answer. Read here rather than by the MinIO client, whose reading
 * insists on an {@code Initiator} element that Ceph's RADOS Gateway leaves out; only the parts and
 * the paging are read, which every S3 server sends.
 *
 * @param nextMarker the part number to ask the next page after: the store's, or else the page's last part
 */
record PartsPage(List<StoredPart> parts, boolean truncated, String nextMarker) {

    static PartsPage read(InputStream answer) throws IOException {
        Element page;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // Reports a malformed answer through the exception only, not also on standard error.
            builder.setErrorHandler(new DefaultHandler());
            page = builder.parse(answer).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("The store's list of parts is not readable XML", e);
        }
        List<StoredPart> parts = new ArrayList<>();
        NodeList listed = page.getElementsByTagName("Part");
        for (int i = 0; i < listed.getLength(); i++) {
            Element part = (Element) listed.item(i);
            parts.add(new StoredPart(Integer.parseInt(text(part, "PartNumber")), Long.parseLong(text(part, "Size")),
                    text(part, "ETag").replace("\"", "")));
        }
        String nextMarker = text(page, "NextPartNumberMarker");
        if (nextMarker.isEmpty() && !parts.isEmpty()) {
            nextMarker = Integer.toString(parts.get(parts.size() - 1).number());
        }
        return new PartsPage(List.copyOf(parts), Boolean.parseBoolean(text(page, "IsTruncated")), nextMarker);
    }

    private static String text(Element parent, String child) {
        NodeList found = parent.getElementsByTagName(child);
        return found.getLength() == 0 ? "" : found.item(0).getTextContent().trim();
    }
}
