package org.videoplatform.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.videoplatform.platform.entity.NullableUuid;
import org.videoplatform.platform.entity.Timestamps;

/**
 * A short link to a released video, for one channel and optionally one member. Someone who got a
 * link can make their own from its landing page: it hangs under the link they came by, so the
 * forwards of a video form a tree whose depth is how far the cascade went.
 */
@Entity
@Table(name = "share_links")
@NamedQuery(name = ShareLink.OF_RELEASE, query = "SELECT l FROM ShareLink l WHERE l.release = :release ORDER BY l.depth, l.createdAt")
public class ShareLink {

    public static final String OF_RELEASE = "ShareLink.ofRelease";

    /** Short enough to read out, long enough (62^8, about 2 × 10^14) that nobody finds links by guessing. */
    static final int CODE_LENGTH = 8;
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Id
    private String code;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id", nullable = false, updatable = false)
    private Release release;

    @ManyToOne
    @JoinColumn(name = "parent_code", updatable = false)
    private ShareLink parent;

    @Column(nullable = false, updatable = false)
    private int depth;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private ShareChannel channel;

    @Convert(converter = NullableUuid.class)
    @Column(name = "member_id", updatable = false)
    private UUID memberId;

    @Column(name = "member_name", updatable = false)
    private String memberName;

    /** Where the link leads; null for the video's landing page, from which recipients forward it. */
    @Column(name = "target_url", updatable = false)
    private String targetUrl;

    /** The account that made it; null for a link made from a landing page by whoever got the video. */
    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected ShareLink() {
        // for JPA
    }

    private ShareLink(Release release, ShareLink parent, ShareChannel channel, UUID memberId, String memberName, String targetUrl,
                      String createdBy) {
        this.code = newCode();
        this.release = release;
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.channel = channel;
        this.memberId = memberId;
        this.memberName = memberName;
        this.targetUrl = targetUrl;
        this.createdBy = createdBy;
        this.createdAt = Timestamps.now();
    }

    /**
     * One of the campaign's own links: the root of a cascade.
     *
     * @param targetUrl a post to send people straight to, or null for the landing page
     */
    public static ShareLink campaign(Release release, ShareChannel channel, UUID memberId, String memberName, String targetUrl, String lead) {
        return new ShareLink(release, null, channel, memberId, memberName,
                targetUrl == null ? null : PlatformPost.webAddress("targetUrl", targetUrl), lead);
    }

    /**
     * A recipient's own link, one step further down the cascade. It leads to the landing page
     * whatever the link it came from did, so that the cascade can go on.
     */
    public ShareLink forwardedOn(ShareChannel channel) {
        return new ShareLink(release, this, channel, null, null, null, null);
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < CODE_LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public String code() {
        return code;
    }

    public Release release() {
        return release;
    }

    public ShareLink parent() {
        return parent;
    }

    public int depth() {
        return depth;
    }

    public ShareChannel channel() {
        return channel;
    }

    public UUID memberId() {
        return memberId;
    }

    public String memberName() {
        return memberName;
    }

    public String targetUrl() {
        return targetUrl;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
