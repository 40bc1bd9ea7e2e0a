package org.videoplatform.releases.entity;

/** Where a share link is passed on. */
public enum ShareChannel {
    WHATSAPP,
    X,
    FACEBOOK,
    INSTAGRAM,
    TIKTOK,
    TELEGRAM,
    EMAIL,
    SMS,
    OTHER
}
