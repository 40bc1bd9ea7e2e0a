/**
 * Ideas on their way to becoming videos: producers pitch, the video lead discusses, greenlights or
 * declines, and a greenlit pitch becomes a production that cuts are uploaded to. A producer with a
 * finished video opens a production directly.
 */
package org.videoplatform.pitches;
