package org.videoplatform.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.problems.NotBlankInAnyScript;
import org.videoplatform.review.boundary.Checklists;
import org.videoplatform.review.rest.ChecklistView.ConfiguredItemView;

/** What the pre-release checklist asks: everyone reads it, admins change it. */
@Path("checklist-items")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ChecklistItemsResource {

    @Inject
    Checklists checklists;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @GET
    public List<ConfiguredItemView> items(@QueryParam("withRetired") boolean withRetired) {
        return checklists.items(withRetired).stream().map(ConfiguredItemView::from).toList();
    }

    public record NewItem(@NotBlankInAnyScript @Size(max = 200) String title, @Size(max = 2000) String guidance,
            @NotNull Boolean required) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public Response add(@Valid @NotNull NewItem item) {
        return Response.status(Response.Status.CREATED)
                .entity(ConfiguredItemView.from(checklists.addItem(item.title(), item.guidance(), item.required(), actors.of(security))))
                .build();
    }

    public record ItemChange(@NotBlankInAnyScript @Size(max = 200) String title, @Size(max = 2000) String guidance,
            @NotNull Boolean required, @NotNull Boolean retired) {
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    public ConfiguredItemView change(@PathParam("id") UUID id, @Valid @NotNull ItemChange change) {
        return checklists.changeItem(id, change.title(), change.guidance(), change.required(), change.retired(), actors.of(security))
                .map(ConfiguredItemView::from).orElseThrow(NotFoundException::new);
    }
}
