package org.videoplatform.media.control;

/** One part of an unfinished multipart upload, as the store holds it. */
public record StoredPart(int number, long size, String etag) {
}
