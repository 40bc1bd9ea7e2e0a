/**
 * Video files and everything made from them. So far: the object store that holds them, and the
 * FFmpeg build that will probe and transcode them.
 */
package org.videoplatform.media;
