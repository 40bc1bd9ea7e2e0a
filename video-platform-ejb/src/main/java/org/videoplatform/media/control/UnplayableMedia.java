package org.videoplatform.media.control;

/**
 * A file that is not a video the platform can use. The message is written for the producer who
 * sent it: what is wrong, and where it helps, what to do about it. Trying again would not help.
 */
public class UnplayableMedia extends Exception {

    public UnplayableMedia(String reasonForTheProducer) {
        super(reasonForTheProducer);
    }
}
