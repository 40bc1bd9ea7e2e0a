package org.videoplatform.performance.control;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.releases.entity.PostNames;

/**
 * Finds the release post an export's line is about. A lead records a post by its address or by
 * the platform's id for it, and exports name it either way (YouTube by the video id, Meta by the
 * post id and the permalink), so each post is known under every name its address yields.
 */
public final class PostDirectory {

    /** A post as recorded on its release. */
    public record Post(UUID id, SocialPlatform platform, String url, String postId, LocalDate postedOn) {
    }

    private final Map<String, Post> byName = new HashMap<>();
    private final Set<String> ambiguous = new HashSet<>();

    public PostDirectory(List<Post> posts) {
        for (Post post : posts) {
            Set<String> names = new LinkedHashSet<>();
            if (post.postId() != null) {
                names.add(post.postId().strip());
            }
            if (post.url() != null) {
                names.addAll(PostNames.in(post.url()));
            }
            for (String name : names) {
                Post earlier = byName.putIfAbsent(key(post.platform(), name), post);
                if (earlier != null && !earlier.equals(post)) {
                    ambiguous.add(key(post.platform(), name));
                }
            }
        }
        // A name two posts share (the "1" of x.com/…/video/1) says nothing about which one a line means.
        ambiguous.forEach(byName::remove);
    }

    public Optional<Post> find(SocialPlatform platform, List<String> references) {
        // Most lines name their post exactly as it was recorded: no need to take an address apart.
        Post exact = byName.get(key(platform, references.get(0)));
        if (exact != null) {
            return Optional.of(exact);
        }
        return references.stream().flatMap(reference -> PostNames.in(reference).stream())
                .map(name -> byName.get(key(platform, name))).filter(post -> post != null).findFirst();
    }

    private static String key(SocialPlatform platform, String name) {
        return platform.name() + '|' + name;
    }
}
