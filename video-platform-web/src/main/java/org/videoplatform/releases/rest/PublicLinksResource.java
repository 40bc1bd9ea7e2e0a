package org.videoplatform.releases.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.videoplatform.pitches.entity.SocialPlatform;
import org.videoplatform.releases.boundary.Releases;
import org.videoplatform.releases.entity.ShareChannel;
import org.videoplatform.releases.entity.ShareLink;

/**
 * What the landing page of a share link shows to whoever followed it, without signing in: the
 * video's title and where to watch it, and a way to make their own link to pass on. Nothing about
 * who made the link or who else followed it.
 */
@Path("public/links/{code}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class PublicLinksResource {

    @Inject
    Releases releases;

    @Inject
    ForwardAllowance allowance;

    @Context
    HttpServletRequest request;

    @Context
    UriInfo uri;

    @PathParam("code")
    @Pattern(regexp = "[0-9A-Za-z]{8}")
    String code;

    public record WatchOn(SocialPlatform platform, String url) {
    }

    public record Landing(String title, List<WatchOn> watchOn) {
    }

    @GET
    public Landing landing() {
        ShareLink link = releases.landing(code).orElseThrow(NotFoundException::new);
        return new Landing(link.release().production().title(), releases.publicPosts(link).stream().filter(p -> p.url() != null)
                .map(p -> new WatchOn(p.platform(), p.url())).toList());
    }

    public record Forward(@NotNull ShareChannel channel) {
    }

    /** @param url the new link: the one to pass on */
    public record Forwarded(String code, String url) {
    }

    @POST
    @Path("forwards")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response forward(@Valid @NotNull Forward forward) {
        allowance.spend(request.getRemoteAddr());
        ShareLink link = releases.forward(code, forward.channel()).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(new Forwarded(link.code(), ReleaseViews.shareUrl(uri, link.code()))).build();
    }
}
