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
import java.util.UUID;
import org.videoplatform.audit.entity.Actor;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.platform.rest.Downloads;
import org.videoplatform.problems.MaxRequestBytes;
import org.videoplatform.review.boundary.Checklists;

/**
 * A production's pre-release checklist and the evidence for it. Small files (captions, scanned
 * consent forms) come in the request body with their name in {@code fileName}.
 */
@Path("productions/{production}/checklist")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class ChecklistResource {

    @Inject
    Checklists checklists;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    @PathParam("production")
    UUID productionId;

    @GET
    public ChecklistView checklist() {
        return current(actors.of(security));
    }

    /** @param version the imprint's version as the form was filled in, none for a first imprint */
    public record ImprintForm(@Size(max = 500) String promoter, @Size(max = 500) String promoterAddress, @Size(max = 500) String onBehalfOf,
            @Size(max = 500) String onBehalfAddress, Long version) {
    }

    @PUT
    @Path("imprint")
    @Consumes(MediaType.APPLICATION_JSON)
    public ChecklistView imprint(@Valid @NotNull ImprintForm form) {
        Actor caller = actors.of(security);
        checklists.writeImprint(productionId, form.promoter(), form.promoterAddress(), form.onBehalfOf(), form.onBehalfAddress(),
                        form.version(), caller)
                .orElseThrow(NotFoundException::new);
        return current(caller);
    }

    @POST
    @Path("captions")
    // Browsers give caption files no type, or odd ones; the parser says what is wrong with one.
    @Consumes(MediaType.WILDCARD)
    @MaxRequestBytes(Checklists.MAX_CAPTION_BYTES)
    public Response captions(@QueryParam("fileName") @Size(max = 1000) String fileName, byte[] content) {
        Actor caller = actors.of(security);
        checklists.addCaptions(productionId, fileName, content, caller).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(current(caller)).build();
    }

    @POST
    @Path("consent-forms")
    // Whatever the browser calls the file: what it is is read from its first bytes.
    @Consumes(MediaType.WILDCARD)
    @MaxRequestBytes(Checklists.MAX_CONSENT_FORM_BYTES)
    public Response consentForm(@QueryParam("fileName") @Size(max = 1000) String fileName, byte[] content) {
        Actor caller = actors.of(security);
        checklists.addConsentForm(productionId, fileName, content, caller).orElseThrow(NotFoundException::new);
        return Response.status(Response.Status.CREATED).entity(current(caller)).build();
    }

    @GET
    @Path("documents/{document}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    public Response document(@PathParam("document") UUID documentId) {
        return Downloads.saved(checklists.document(productionId, documentId, actors.of(security)).orElseThrow(NotFoundException::new));
    }

    /** @param cut the cut in review the lead checked; left out if the production has had none */
    public record Tick(@NotNull Boolean done, UUID cut) {
    }

    @PUT
    @Path("items/{item}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"video-lead", "admin"})
    public ChecklistView tick(@PathParam("item") UUID itemId, @Valid @NotNull Tick tick) {
        return ChecklistView.from(checklists.tick(productionId, itemId, tick.done(), tick.cut(), actors.of(security))
                .orElseThrow(NotFoundException::new));
    }

    private ChecklistView current(Actor caller) {
        return ChecklistView.from(checklists.status(productionId, caller).orElseThrow(NotFoundException::new));
    }
}
