package org.videoplatform.pitches.entity;

/** Where a video is meant to be released. */
public enum SocialPlatform {
    FACEBOOK,
    YOUTUBE,
    X,
    INSTAGRAM,
    TIKTOK,
    WHATSAPP
}
