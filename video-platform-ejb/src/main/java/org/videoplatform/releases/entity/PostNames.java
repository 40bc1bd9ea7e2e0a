package org.videoplatform.releases.entity;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Optional;
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
        address(given).ifPresent(uri -> {
            Optional<String> inQuery = idInQuery(uri);
            if (inQuery.isPresent()) {
                // The path (watch, permalink.php) is the same for every post.
                names.add(inQuery.get());
                return;
            }
            String path = pathOf(uri);
            if (!path.isEmpty()) {
                idInPath(path).ifPresent(names::add);
                names.add(uri.getScheme() + "://" + uri.getHost() + path);
            }
        });
        return names;
    }

    /**
     * The platform's own id for the post an address names, where the address holds one: the id in
     * its query, or a last path part long enough to be one.
     */
    public static Optional<String> idIn(String reference) {
        return address(reference.strip())
                .flatMap(uri -> idInQuery(uri).or(() -> idInPath(pathOf(uri))));
    }

    /**
     * A last path part long enough to be a platform's id. A short one says nothing: the "1" of
     * x.com/…/video/1 ends every video on X, someone else's as much as the campaign's.
     */
    private static Optional<String> idInPath(String path) {
        return Optional.of(path.substring(path.lastIndexOf('/') + 1)).filter(part -> part.length() >= 6);
    }

    private static Optional<URI> address(String given) {
        if (!given.startsWith("http")) {
            return Optional.empty();
        }
        try {
            return Optional.of(new URI(given));
        } catch (URISyntaxException e) {
            // Not an address after all: the reference as given is the only name.
            return Optional.empty();
        }
    }

    private static Optional<String> idInQuery(URI uri) {
        if (uri.getQuery() == null) {
            return Optional.empty();
        }
        for (String parameter : uri.getQuery().split("&")) {
            if (parameter.startsWith("v=") || parameter.startsWith("story_fbid=") || parameter.startsWith("fbid=")) {
                return Optional.of(parameter.substring(parameter.indexOf('=') + 1));
            }
        }
        return Optional.empty();
    }

    private static String pathOf(URI uri) {
        return uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
    }
}
