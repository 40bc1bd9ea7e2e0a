package org.videoplatform.media.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartsPageTest {

    /** What Ceph's RADOS Gateway 16.2 answered, asked for one part per page: no Initiator element. */
    private static final String RADOS_GATEWAY = """
            <?xml version="1.0" encoding="UTF-8"?><ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">\
            <Bucket>video-platform</Bucket><Key>capture/obj</Key><UploadId>2~jE2p7-RPnRusZVzSs9EVGqq-wjbE3xY</UploadId>\
            <StorageClass>STANDARD</StorageClass><PartNumberMarker>0</PartNumberMarker><NextPartNumberMarker>1</NextPartNumberMarker>\
            <MaxParts>1</MaxParts><IsTruncated>true</IsTruncated><Owner><ID></ID><DisplayName></DisplayName></Owner>\
            <Part><LastModified>2026-11-27T14:36:42.495Z</LastModified><PartNumber>1</PartNumber>\
            <ETag>&quot;5f363e0e58a95f06cbe9bbc662c5dfb6&quot;</ETag><Size>5242880</Size></Part></ListPartsResult>""";

    /** The shape AWS documents and MinIO and S3Proxy follow, last page. */
    private static final String WITH_INITIATOR = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ListPartsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
              <Bucket>video-platform</Bucket><Key>k</Key><UploadId>u</UploadId>
              <Initiator><ID>local-access-key</ID><DisplayName>local-access-key</DisplayName></Initiator>
              <Owner><ID>local-access-key</ID><DisplayName>local-access-key</DisplayName></Owner>
              <StorageClass>STANDARD</StorageClass><PartNumberMarker>1</PartNumberMarker>
              <NextPartNumberMarker>3</NextPartNumberMarker><MaxParts>1000</MaxParts><IsTruncated>false</IsTruncated>
              <Part><PartNumber>2</PartNumber><LastModified>2026-11-27T14:00:00.000Z</LastModified>
                <ETag>"aa"</ETag><Size>8388608</Size></Part>
              <Part><PartNumber>3</PartNumber><LastModified>2026-11-27T14:00:01.000Z</LastModified>
                <ETag>"bb"</ETag><Size>1000</Size></Part>
            </ListPartsResult>
            """;

    @Test
    void theRadosGatewaysAnswerWithoutAnInitiatorIsRead() throws IOException {
        PartsPage page = read(RADOS_GATEWAY);
        assertEquals(List.of(new StoredPart(1, 5_242_880, "5f363e0e58a95f06cbe9bbc662c5dfb6")), page.parts());
        assertTrue(page.truncated());
        assertEquals("1", page.nextMarker());
    }

    @Test
    void theDocumentedAnswerIsReadToItsLastPage() throws IOException {
        PartsPage page = read(WITH_INITIATOR);
        assertEquals(List.of(new StoredPart(2, 8_388_608, "aa"), new StoredPart(3, 1000, "bb")), page.parts());
        assertFalse(page.truncated());
    }

    @Test
    void aTruncatedPageWithoutAMarkerGoesOnAfterItsLastPart() throws IOException {
        PartsPage page = read(RADOS_GATEWAY.replace("<NextPartNumberMarker>1</NextPartNumberMarker>", ""));
        assertTrue(page.truncated());
        assertEquals("1", page.nextMarker());
    }

    @Test
    void anAnswerThatIsNotXmlIsAnError() {
        assertThrows(IOException.class, () -> read("<html>Bad gateway"));
    }

    @Test
    void aDocumentTypeDeclarationIsRefused() {
        assertThrows(IOException.class, () -> read("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ListPartsResult><Part><PartNumber>1</PartNumber><ETag>&e;</ETag><Size>1</Size></Part></ListPartsResult>"));
    }

    private static PartsPage read(String xml) throws IOException {
        return PartsPage.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
