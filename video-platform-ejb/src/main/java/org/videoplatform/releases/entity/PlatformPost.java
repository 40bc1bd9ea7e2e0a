package org.videoplatform.releases.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.platform.entity.WebAddresses;

/** One post of a released video on one platform, with the rendition that was posted. */
@Entity
@Table(name = "platform_posts")
@NamedQuery(name = PlatformPost.OF_RELEASE, query = "SELECT p FROM PlatformPost p WHERE p.release = :release ORDER BY p.postedAt")
@NamedQuery(name = PlatformPost.OF_RELEASES, query = "SELECT p FROM PlatformPost p WHERE p.release IN :releases ORDER BY p.postedAt")
@NamedQuery(name = PlatformPost.WITH_URL, query = "SELECT p FROM PlatformPost p WHERE p.platform = :platform AND p.url = :name")
@NamedQuery(name = PlatformPost.WITH_POST_ID, query = "SELECT p FROM PlatformPost p WHERE p.platform = :platform AND p.postId = :name")
@NamedQuery(name = PlatformPost.WITH_ADDRESS_ON, query = "SELECT p FROM PlatformPost p WHERE p.platform = :platform AND p.url IS NOT NULL")
public class PlatformPost {

    public static final String OF_RELEASE = "PlatformPost.ofRelease";
    public static final String OF_RELEASES = "PlatformPost.ofReleases";
    public static final String WITH_URL = "PlatformPost.withUrl";
    public static final String WITH_POST_ID = "PlatformPost.withPostId";
    public static final String WITH_ADDRESS_ON = "PlatformPost.withAddressOn";
    /**
     * Held by a metrics import while it writes figures, and by taking a post off its release: the
     * figures tables keep no foreign key to the posts (V15).
     */
    public static final String FIGURES_LOCK = "SELECT pg_advisory_xact_lock(hashtext('metric imports'))";

    static final Set<OutputKind> RENDITIONS = Set.of(OutputKind.DELIVERY_LANDSCAPE, OutputKind.DELIVERY_SQUARE, OutputKind.DELIVERY_PORTRAIT);
    static final int MAX_CAPTION = 5000;
    /** Facebook's first day; the other platforms came later. */
    private static final OffsetDateTime FIRST_PLATFORM_OPENED = OffsetDateTime.of(2004, 2, 4, 0, 0, 0, 0, ZoneOffset.UTC);

    @Id
    private UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id", nullable = false, updatable = false)
    private Release release;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private SocialPlatform platform;

    @Column(updatable = false)
    private String url;

    @Column(name = "post_id", updatable = false)
    private String postId;

    @Column(name = "posted_at", nullable = false, updatable = false)
    private OffsetDateTime postedAt;

    @Column(updatable = false)
    private String caption;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private OutputKind rendition;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    private String recordedBy;

    @Column(name = "recorded_by_id", updatable = false)
    private String recordedById;

    protected PlatformPost() {
        // for JPA
    }

    /** @param url the post's public address, or null when only the platform's id for it is known */
    public PlatformPost(Release release, SocialPlatform platform, String url, String postId, OffsetDateTime postedAt, String caption,
                        OutputKind rendition, Actor lead) {
        if (platform == null) {
            throw new InvalidInput("platform", "is required");
        }
        String address = blankToNull(url);
        String id = blankToNull(postId);
        if (address == null && id == null) {
            throw new InvalidInput("url", "or the post's id on " + platform.name().toLowerCase(Locale.ROOT) + " is required to find the post again");
        }
        if (address != null) {
            address = webAddress("url", address);
            requireOn(platform, address);
        }
        if (rendition == null || !RENDITIONS.contains(rendition)) {
            throw new InvalidInput("rendition", "must be one of the delivery renditions: DELIVERY_LANDSCAPE, DELIVERY_SQUARE or DELIVERY_PORTRAIT");
        }
        if (caption != null && caption.length() > MAX_CAPTION) {
            throw new InvalidInput("caption", "must have at most " + MAX_CAPTION + " characters");
        }
        if (postedAt == null) {
            throw new InvalidInput("postedAt", "is required");
        }
        if (postedAt.isBefore(FIRST_PLATFORM_OPENED)) {
            throw new InvalidInput("postedAt", "is before any of these platforms existed: is the year right?");
        }
        // A day ahead: the lead's clock, or the platform's, may run ahead of the server's.
        if (postedAt.isAfter(OffsetDateTime.now().plusDays(1))) {
            throw new InvalidInput("postedAt", "has not come yet: a post is recorded once it is up");
        }
        this.id = UUID.randomUUID();
        this.release = release;
        this.platform = platform;
        this.url = address;
        this.postId = id;
        this.postedAt = postedAt;
        this.caption = blankToNull(caption);
        this.rendition = rendition;
        this.recordedBy = lead.name();
        this.recordedById = lead.id();
    }

    /**
     * Share links send people here, so only web addresses: never javascript: or data: ones, nor
     * ones whose host is not the one checked. A name before an @ is refused, since it is only there
     * to look like the host. Letters beyond ASCII are escaped as browsers escape them: a redirect's
     * Location header carries one byte per character, so "Я" went out as "/", and
     * "https://evil.exampleЯ@www.youtube.com/…" then led to evil.example.
     *
     * @return the address in ASCII, with its scheme in lower case
     */
    public static String webAddress(String field, String address) {
        URI uri;
        try {
            uri = new URI(address);
        } catch (URISyntaxException e) {
            throw new InvalidInput(field, "is not a web address: " + e.getReason());
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null) {
            throw new InvalidInput(field, "must be a web address starting with https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidInput(field, "must not have a name and an @ before the host: that hides where the address really leads");
        }
        return WebAddresses.withLowerCaseScheme(uri.toASCIIString());
    }

    private static final Map<SocialPlatform, String> NAMES = Map.of(SocialPlatform.FACEBOOK, "Facebook", SocialPlatform.YOUTUBE, "YouTube",
            SocialPlatform.X, "X", SocialPlatform.INSTAGRAM, "Instagram", SocialPlatform.TIKTOK, "TikTok", SocialPlatform.WHATSAPP, "WhatsApp");

    /** Where each platform's posts are; a subdomain (www., m., vm.) is the platform's too. */
    private static final Map<SocialPlatform, List<String>> HOSTS = Map.of(
            SocialPlatform.FACEBOOK, List.of("facebook.com", "fb.com", "fb.watch"),
            SocialPlatform.YOUTUBE, List.of("youtube.com", "youtu.be"),
            SocialPlatform.X, List.of("x.com", "twitter.com"),
            SocialPlatform.INSTAGRAM, List.of("instagram.com"),
            SocialPlatform.TIKTOK, List.of("tiktok.com"),
            SocialPlatform.WHATSAPP, List.of("whatsapp.com"));

    /**
     * The form offers Facebook first, so a YouTube address was recorded as a Facebook post when the
     * platform was left as it was; the figures imported for it then matched nothing.
     */
    static void requireOn(SocialPlatform platform, String address) {
        String host = URI.create(address).getHost().toLowerCase(Locale.ROOT);
        List<String> hosts = HOSTS.get(platform);
        if (hosts.stream().noneMatch(h -> host.equals(h) || host.endsWith("." + h))) {
            throw new InvalidInput("url", "is on " + host + ", not " + NAMES.get(platform) + ": a post on " + NAMES.get(platform)
                    + " has its address on " + String.join(" or ", hosts) + ". Check the platform chosen");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public UUID id() {
        return id;
    }

    public Release release() {
        return release;
    }

    public SocialPlatform platform() {
        return platform;
    }

    public String url() {
        return url;
    }

    public String postId() {
        return postId;
    }

    public OffsetDateTime postedAt() {
        return postedAt;
    }

    public String caption() {
        return caption;
    }

    public OutputKind rendition() {
        return rendition;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
