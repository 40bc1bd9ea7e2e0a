package org.videoplatform.releases.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.media.entity.OutputKind;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.releases.boundary.Releases;
import org.videoplatform.releases.entity.ShareChannel;
import org.videoplatform.releases.rest.ReleaseViews.LinkView;
import org.videoplatform.releases.rest.ReleaseViews.PostView;
import org.videoplatform.releases.rest.ReleaseViews.ReleaseView;

/** Releases: leads record their posts and make share links; everyone who sees a release sees its cascade. */
@Path("releases")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ReleasesResource {

    @Inject
    Releases releases;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    /** @param url the post's address, or give its {@code postId} on the platform */
    public record PostForm(@NotNull SocialPlatform platform, @Size(max = 2000) String url, @Size(max = 200) String postId,
            @NotNull OffsetDateTime postedAt, @Size(max = 5000) String caption, @NotNull OutputKind rendition) {

        Releases.Post toPost() {
            return new Releases.Post(platform, url, postId, postedAt, caption, rendition);
        }
    }

    @GET
    public List<ReleaseView> visible() {
        return releases.visible(actors.of(security)).stream().map(listed -> ReleaseView.from(listed.release(), listed.posts())).toList();
    }

    @POST
    @Path("{release}/posts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public Response addPost(@PathParam("release") UUID releaseId, @Valid @NotNull PostForm post) {
        return releases.addPost(releaseId, post.toPost(), actors.of(security))
                .map(added -> Response.status(Response.Status.CREATED).entity(PostView.from(added)).build())
                .orElseThrow(NotFoundException::new);
    }

    @DELETE
    @Path("{release}/posts/{post}")
    @RolesAllowed({"video-lead", "admin"})
    public Response removePost(@PathParam("release") UUID releaseId, @PathParam("post") UUID postId) {
        if (!releases.removePost(releaseId, postId, actors.of(security))) {
            throw new NotFoundException();
        }
        return Response.noContent().build();
    }

    /** @param targetUrl a post to send people to; leave it out for the landing page, from which they can forward */
    public record LinkForm(@NotNull ShareChannel channel, UUID memberId, @Size(max = 2000) String targetUrl) {
    }

    @POST
    @Path("{release}/links")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public Response link(@PathParam("release") UUID releaseId, @Valid @NotNull LinkForm form) {
        Actor lead = actors.of(security);
        String code = releases.link(releaseId, form.channel(), form.memberId(), form.targetUrl(), lead).orElseThrow(NotFoundException::new)
                .code();
        LinkView created = cascade(releaseId).stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    /** Every link of the release, campaign links first, each with its clicks and its branch's reach and depth. */
    @GET
    @Path("{release}/links")
    public List<LinkView> cascade(@PathParam("release") UUID releaseId) {
        return releases.cascade(releaseId, actors.of(security)).orElseThrow(NotFoundException::new).stream()
                .map(branch -> LinkView.from(branch, uri)).toList();
    }
}
