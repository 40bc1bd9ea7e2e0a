package org.videoplatform.releases.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The names a post goes by. A lead records a post by its address or by the platform's id for it,
 * and exports name it either way (YouTube by the video id, Meta by the post id and the permalink).
 */
public final class PostNames {

    private PostNames() {
    }

    /** A reference as given, and what its address says: YouTube's watch?v=, youtu.be/ or shorts/ id, Facebook's story_fbid or fbid, or a post's last path part. */
    public static Set<String> in(String reference) {
        String given = reference.strip();
        Set<String> names = new LinkedHashSet<>();
        names.add(given);
        if (!given.startsWith("http")) {
            return names;
        }
        try {
            URI uri = new URI(given);
            if (uri.getQuery() != null) {
                for (String parameter : uri.getQuery().split("&")) {
                    if (parameter.startsWith("v=") || parameter.startsWith("story_fbid=") || parameter.startsWith("fbid=")) {
                        // The id is in the query; the path (watch, permalink.php) is the same for every post.
                        names.add(parameter.substring(parameter.indexOf('=') + 1));
                        return names;
                    }
                }
            }
            String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
            if (!path.isEmpty()) {
                names.add(path.substring(path.lastIndexOf('/') + 1));
                names.add(uri.getScheme() + "://" + uri.getHost() + path);
            }
        } catch (URISyntaxException e) {
            // Not an address after all: the reference as given is the only name.
        }
        return names;
    }
}
