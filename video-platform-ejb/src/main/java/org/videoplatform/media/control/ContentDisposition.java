package org.videoplatform.media.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Tells a browser to save a download under a name of the platform's choosing (RFC 6266). */
public final class ContentDisposition {

    private ContentDisposition() {
    }

    /** An ASCII stand-in for old clients, and the exact name, in any script, for the rest. */
    public static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._ -]", "_");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
