package org.videoplatform.releases.rest;

import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.releases.boundary.Releases;
import org.videoplatform.releases.entity.PlatformPost;
import org.videoplatform.releases.entity.Release;
import org.videoplatform.releases.entity.ShareChannel;

/** How releases, their posts and their share links look in the API. */
final class ReleaseViews {

    private ReleaseViews() {
    }

    /** Where a link is followed: {@code /s/CODE} beside the API, on the address the request came to. */
    static String shareUrl(UriInfo uri, String code) {
        return uri.getBaseUri().resolve("../s/" + code).toString();
    }

    public record PostView(String id, SocialPlatform platform, String url, String postId, OffsetDateTime postedAt, String caption,
            OutputKind rendition, String recordedBy) {

        static PostView from(PlatformPost p) {
            return new PostView(p.id().toString(), p.platform(), p.url(), p.postId(), p.postedAt(), p.caption(), p.rendition(),
                    p.recordedBy());
        }
    }

    public record ReleaseView(String id, String productionId, String title, String producerName, String cutId, Integer cutNumber,
            String releasedBy, OffsetDateTime releasedAt, List<PostView> posts) {

        static ReleaseView from(Release r, List<PlatformPost> posts) {
            return new ReleaseView(r.id().toString(), r.production().id().toString(), r.production().title(), r.production().ownerName(),
                    r.cut().id().toString(), r.cut().cutNumber(), r.releasedByName(), r.releasedAt(),
                    posts.stream().map(PostView::from).toList());
        }
    }

    /**
     * A link and its branch of the cascade.
     *
     * @param url the address to pass on
     * @param reach visitors of this link and of every link forwarded from it
     * @param cascadeDepth how many forwards deep its branch goes
     */
    public record LinkView(String code, String url, String parentCode, int depth, ShareChannel channel, String memberName,
            String targetUrl, long clicks, long visitors, long reach, int cascadeDepth, OffsetDateTime createdAt) {

        static LinkView from(Releases.Branch b, UriInfo uri) {
            var l = b.link();
            return new LinkView(l.code(), shareUrl(uri, l.code()), l.parent() == null ? null : l.parent().code(), l.depth(), l.channel(),
                    l.memberName(), l.targetUrl(), b.clicks(), b.visitors(), b.reach(), b.deepest(), l.createdAt());
        }
    }
}
