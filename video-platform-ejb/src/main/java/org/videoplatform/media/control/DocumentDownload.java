package org.videoplatform.media.control;

import java.io.InputStream;

/**
 * A small document the server hands out itself rather than through a presigned link: a link's
 * query carries the file name into the store's and every proxy's logs, and a consent form's
 * name is often the name of the person who signed it.
 *
 * @param content the stored bytes; whoever sends them closes the stream
 */
public record DocumentDownload(String fileName, long size, InputStream content) {
}
