package org.videoplatform.pitches.entity;

/** The kind of video a pitch proposes. */
public enum VideoFormat {
    SHORT_FILM,
    EXPLAINER,
    VOX_POP,
    ANIMATION,
    TESTIMONIAL,
    DOCUMENTARY,
    OTHER
}
