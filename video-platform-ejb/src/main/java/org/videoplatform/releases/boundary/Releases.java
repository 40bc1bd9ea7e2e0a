package org.videoplatform.releases.boundary;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.media.entity.MediaAsset;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.members.boundary.CreditChanged;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.members.entity.Member;
import org.videoplatform.pitches.boundary.Pitches;
import org.videoplatform.pitches.entity.Production;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.platform.entity.InvalidInput;
import org.videoplatform.releases.entity.PlatformPost;
import org.videoplatform.releases.entity.PostAlreadyRecorded;
import org.videoplatform.releases.entity.PostKept;
import org.videoplatform.releases.entity.PostNames;
import org.videoplatform.releases.entity.Release;
import org.videoplatform.releases.entity.ShareChannel;
import org.videoplatform.releases.entity.ShareLink;
import org.videoplatform.review.boundary.Checklists;

/**
 * Releases of approved videos and the share links that carry them. Leads release and make
 * links; the production's producer and crew see its release; anyone who followed a link may make
 * their own from the landing page.
 */
@Stateless
@RolesAllowed({"producer", "video-lead", "admin"})
public class Releases {

    @PersistenceContext
    EntityManager em;

    @Inject
    Pitches pitches;

    @Inject
    Members members;

    @Inject
    AuditTrail audit;

    @Inject
    Checklists checklists;

    @Resource
    SessionContext session;

    /** A post as the lead reports it. */
    public record Post(SocialPlatform platform, String url, String postId, OffsetDateTime postedAt, String caption, OutputKind rendition) {
    }

    /** Releases the production's approved cut with its first posts; the production is released from now on. */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<Release> release(UUID productionId, List<Post> posts, Actor lead) {
        Production production = em.find(Production.class, productionId, LockModeType.PESSIMISTIC_WRITE);
        if (production == null) {
            return Optional.empty();
        }
        if (posts == null || posts.isEmpty()) {
            throw new InvalidInput("posts", "must list at least one post: where did the video go out?");
        }
        MediaAsset approved = production.cutInReview() == null ? null : em.find(MediaAsset.class, production.cutInReview());
        production.released();
        // Checked again: since the approval a lead may have withdrawn a tick, or an admin added a required item.
        checklists.requireComplete(production, "Release");
        Release release = new Release(production, approved, lead);
        em.persist(release);
        posts.forEach(post -> em.persist(post(release, post, lead)));
        audit.record(new AuditEntry(lead, "release.released", "production", productionId.toString(),
                posts.stream().map(p -> p.platform().name()).collect(Collectors.joining(", "))));
        return Optional.of(release);
    }

    /**
     * Takes a post recorded by mistake (a mistyped address, the wrong platform) off its release, so
     * the landing page stops offering it. One that figures were imported for or a share link leads
     * to is real, and stays, as does a release's last post.
     *
     * @return whether the release holds the post
     */
    @RolesAllowed({"video-lead", "admin"})
    public boolean removePost(UUID releaseId, UUID postId, Actor lead) {
        Release release = em.find(Release.class, releaseId);
        if (release == null) {
            return false;
        }
        // Locked as releasing locks it, so that two leads taking off one post each cannot leave a release with none.
        em.find(Production.class, release.production().id(), LockModeType.PESSIMISTIC_WRITE);
        PlatformPost post = em.find(PlatformPost.class, postId);
        if (post == null || !post.release().id().equals(releaseId)) {
            return false;
        }
        if (posts(release).size() == 1) {
            throw new PostKept("it is the release's only one; record where the video went out, then take this one off");
        }
        em.createNativeQuery(PlatformPost.FIGURES_LOCK).getResultList();
        if (count("SELECT count(*) FROM post_metrics WHERE post_id = ?1", postId)
                + count("SELECT count(*) FROM post_lifetime_totals WHERE post_id = ?1", postId)
                + count("SELECT count(*) FROM post_metric_totals WHERE post_id = ?1", postId) > 0) {
            throw new PostKept("figures were imported for it, so it is the post that went out");
        }
        if (post.url() != null && count("SELECT count(*) FROM share_links WHERE release_id = ?1 AND target_url = ?2", releaseId,
                post.url()) > 0) {
            throw new PostKept("share links lead to it");
        }
        em.remove(post);
        audit.record(new AuditEntry(lead, "release.post-removed", "production", release.production().id().toString(),
                post.platform().name() + " " + (post.url() != null ? post.url() : post.postId())));
        return true;
    }

    private long count(String query, Object... parameters) {
        var counting = em.createNativeQuery(query);
        for (int i = 0; i < parameters.length; i++) {
            counting.setParameter(i + 1, parameters[i]);
        }
        return ((Number) counting.getSingleResult()).longValue();
    }

    @RolesAllowed({"video-lead", "admin"})
    public Optional<PlatformPost> addPost(UUID releaseId, Post post, Actor lead) {
        return Optional.ofNullable(em.find(Release.class, releaseId)).map(release -> {
            PlatformPost added = post(release, post, lead);
            em.persist(added);
            audit.record(new AuditEntry(lead, "release.post-added", "production", release.production().id().toString(),
                    added.platform().name()));
            return added;
        });
    }

    private PlatformPost post(Release release, Post post, Actor lead) {
        PlatformPost recorded = new PlatformPost(release, post.platform(), post.url(), post.postId(), post.postedAt(), post.caption(),
                post.rendition(), lead);
        // Compared in the form stored: the constructor tidies the address.
        sameName(PlatformPost.WITH_URL, recorded.platform(), recorded.url())
                .or(() -> sameName(PlatformPost.WITH_POST_ID, recorded.platform(), recorded.postId()))
                .or(() -> recordedByTheOtherName(recorded))
                .ifPresent(earlier -> {
                    throw new PostAlreadyRecorded(earlier);
                });
        return recorded;
    }

    /**
     * The post recorded before under another name: by its id where this one gives its address, the
     * other way round, or by another address of the same video (youtube.com/watch?v=ID, youtu.be/ID).
     * Exports name a video by one id, which two records would leave matching neither.
     */
    private Optional<PlatformPost> recordedByTheOtherName(PlatformPost post) {
        Optional<String> idInAddress = Optional.empty();
        if (post.url() != null) {
            // Each name its address yields is locked in turn, so a record of the same video by any name waits on this one.
            Optional<PlatformPost> byId = PostNames.in(post.url()).stream().skip(1)
                    .flatMap(name -> sameName(PlatformPost.WITH_POST_ID, post.platform(), name).stream()).findFirst();
            if (byId.isPresent()) {
                return byId;
            }
            idInAddress = PostNames.idIn(post.url());
        }
        if (post.postId() == null && idInAddress.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = idInAddress;
        return em.createNamedQuery(PlatformPost.WITH_ADDRESS_ON, PlatformPost.class).setParameter("platform", post.platform())
                .getResultStream().filter(earlier -> post.postId() != null && PostNames.in(earlier.url()).contains(post.postId())
                        || id.isPresent() && id.equals(PostNames.idIn(earlier.url())))
                .findFirst();
    }

    private Optional<PlatformPost> sameName(String query, SocialPlatform platform, String name) {
        if (name == null) {
            return Optional.empty();
        }
        // Two requests recording one post at once (to two releases, say) take turns on its name.
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))").setParameter(1, platform.name() + '|' + name).getResultList();
        // A release's first posts come in one request: the ones before this must be in the table to be found.
        em.flush();
        return em.createNamedQuery(query, PlatformPost.class).setParameter("platform", platform).setParameter("name", name)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** A release with its posts, in the order they went up. */
    public record Listed(Release release, List<PlatformPost> posts) {
    }

    /**
     * Leads see every release; producers those of productions they make. The posts of all of them
     * are read in one query, in the transaction that read the releases, so each post's release is
     * the one already read rather than read again.
     */
    public List<Listed> visible(Actor caller) {
        List<Release> visible = em.createNamedQuery(Release.NEWEST_FIRST, Release.class).getResultStream()
                .filter(release -> pitches.production(release.production().id(), caller).isPresent()).toList();
        if (visible.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<PlatformPost>> posts = em.createNamedQuery(PlatformPost.OF_RELEASES, PlatformPost.class)
                .setParameter("releases", visible).getResultStream()
                .collect(Collectors.groupingBy(post -> post.release().id()));
        return visible.stream().map(release -> new Listed(release, posts.getOrDefault(release.id(), List.of()))).toList();
    }

    public Optional<Release> find(UUID releaseId, Actor caller) {
        return Optional.ofNullable(em.find(Release.class, releaseId))
                .filter(release -> pitches.production(release.production().id(), caller).isPresent());
    }

    public Optional<Release> ofProduction(UUID productionId, Actor caller) {
        return pitches.production(productionId, caller).flatMap(production -> em.createNamedQuery(Release.OF_PRODUCTION, Release.class)
                .setParameter("production", production).getResultStream().findFirst());
    }

    public List<PlatformPost> posts(Release release) {
        return em.createNamedQuery(PlatformPost.OF_RELEASE, PlatformPost.class).setParameter("release", release).getResultList();
    }

    /**
     * One of the campaign's links, for a channel and, when a member will pass it on, for them.
     *
     * @param targetUrl a post to send people to, or null for the landing page they can forward from
     */
    @RolesAllowed({"video-lead", "admin"})
    public Optional<ShareLink> link(UUID releaseId, ShareChannel channel, UUID memberId, String targetUrl, Actor lead) {
        if (channel == null) {
            throw new InvalidInput("channel", "is required");
        }
        return Optional.ofNullable(em.find(Release.class, releaseId)).map(release -> {
            Member member = memberId == null ? null
                    : members.activeMember(memberId).orElseThrow(() -> new InvalidInput("memberId", "is not an active member"));
            // In the form posts are kept in, so that an address sent with its letters unescaped still finds its post.
            String target = targetUrl == null || targetUrl.isBlank() ? null : PlatformPost.webAddress("targetUrl", targetUrl.strip());
            if (target != null) {
                // Locked as taking a post off locks it, so no link is made to a post going.
                em.find(Production.class, release.production().id(), LockModeType.PESSIMISTIC_WRITE);
            }
            // The platform's own address sends people on: never anywhere but to the video.
            if (target != null && posts(release).stream().map(PlatformPost::url).noneMatch(target::equals)) {
                throw new InvalidInput("targetUrl", "must be the address of one of this release's posts, or left out for the landing page");
            }
            ShareLink link = ShareLink.campaign(release, channel, memberId, member == null ? null : member.displayName(), target, lead.id());
            em.persist(link);
            return link;
        });
    }

    @PermitAll
    public void recredit(@Observes CreditChanged changed) {
        changed.rewrite(em,
                "UPDATE share_links SET member_name = ?1 WHERE member_id = (SELECT id FROM members WHERE keycloak_user_id = ?2)",
                "UPDATE releases SET released_by_name = ?1 WHERE released_by = ?2",
                "UPDATE platform_posts SET recorded_by = ?1 WHERE recorded_by_id = ?2");
    }

    /** A recipient's own link, made from the landing page of the link they came by. */
    @PermitAll
    public Optional<ShareLink> forward(String code, ShareChannel channel) {
        if (channel == null) {
            throw new InvalidInput("channel", "is required");
        }
        return Optional.ofNullable(em.find(ShareLink.class, code)).map(from -> {
            ShareLink link = from.forwardedOn(channel);
            em.persist(link);
            return link;
        });
    }

    /** What a landing page shows: the link, its release and the posts to watch it on. */
    @PermitAll
    public Optional<ShareLink> landing(String code) {
        return Optional.ofNullable(em.find(ShareLink.class, code));
    }

    @PermitAll
    public List<PlatformPost> publicPosts(ShareLink link) {
        return posts(link.release());
    }

    /** A link with its own clicks and those of everything forwarded from it. */
    public record Branch(ShareLink link, long clicks, long visitors, long reach, int deepest) {
    }

    /**
     * Every link of a release with its clicks and, per branch, the reach and depth of what grew
     * from it. Links come deepest last, so walking them backwards adds each finished branch into its
     * parent once: one pass however large the cascade.
     */
    public Optional<List<Branch>> cascade(UUID releaseId, Actor caller) {
        return find(releaseId, caller).map(release -> {
            List<ShareLink> links = em.createNamedQuery(ShareLink.OF_RELEASE, ShareLink.class).setParameter("release", release).getResultList();
            Map<String, long[]> counts = clicks(release);
            Map<String, Long> reach = new HashMap<>();
            Map<String, Integer> deepest = new HashMap<>();
            for (int i = links.size() - 1; i >= 0; i--) {
                ShareLink link = links.get(i);
                long branchReach = reach.merge(link.code(), counts.getOrDefault(link.code(), new long[2])[1], Long::sum);
                int branchDepth = deepest.merge(link.code(), link.depth(), Math::max);
                if (link.parent() != null) {
                    reach.merge(link.parent().code(), branchReach, Long::sum);
                    deepest.merge(link.parent().code(), branchDepth, Math::max);
                }
            }
            return links.stream().map(link -> {
                long[] own = counts.getOrDefault(link.code(), new long[2]);
                return new Branch(link, own[0], own[1], reach.get(link.code()), deepest.get(link.code()) - link.depth());
            }).toList();
        });
    }

    /** Clicks and distinct visitors per link of the release, all days together: counted days and days still told apart. */
    private Map<String, long[]> clicks(Release release) {
        List<Object[]> rows = em.createNativeQuery("SELECT l.code, COALESCE(d.clicks, 0), "
                        + "COALESCE(d.visitors, 0) + (SELECT COUNT(*) FROM share_link_visitors v WHERE v.code = l.code) "
                        + "FROM share_links l LEFT JOIN LATERAL (SELECT SUM(clicks) AS clicks, SUM(visitors) AS visitors "
                        + "FROM share_link_days WHERE code = l.code) d ON true WHERE l.release_id = ?1")
                .setParameter(1, release.id()).getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (String) row[0],
                row -> new long[] {((Number) row[1]).longValue(), ((Number) row[2]).longValue()}));
    }
}
