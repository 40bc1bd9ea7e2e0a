package org.videoplatform.media.entity;

/** What a published output is for. */
public enum OutputKind {
    /** 720p H.264/AAC MP4 with fast start, for reviewing and quick sharing. */
    PROXY("video/mp4"),
    /** The master playlist of the review player's HLS ladder; its variants and segments lie beside it. */
    HLS("application/vnd.apple.mpegurl"),
    /** 16:9 at full quality with normalised loudness, for YouTube and the like. */
    DELIVERY_LANDSCAPE("video/mp4"),
    /** 1:1 for feeds. */
    DELIVERY_SQUARE("video/mp4"),
    /** 9:16 for Stories, Reels, Shorts and TikTok. */
    DELIVERY_PORTRAIT("video/mp4"),
    POSTER("image/jpeg"),
    THUMBNAIL("image/jpeg"),
    /** Small frames at regular intervals in one image, for previews while scrubbing. */
    SPRITE("image/jpeg"),
    /** WebVTT cues mapping each interval of the video to its tile in the sprite. */
    SPRITE_INDEX("text/vtt");

    private final String contentType;

    OutputKind(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
