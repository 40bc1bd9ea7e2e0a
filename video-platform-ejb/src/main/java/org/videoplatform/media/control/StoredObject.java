package org.videoplatform.media.control;

/** What the store knows of an object without reading it. */
public record StoredObject(String key, long size, String contentType, String etag) {
}
