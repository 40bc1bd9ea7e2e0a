package org.videoplatform.audit.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.AuditEntry;

/** The audit trail, read-only: there is deliberately no way to change or delete an entry. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class AuditResource {

    @Inject
    AuditTrail trail;

    public record AuditEntryView(String id, OffsetDateTime occurredAt, String actorId, String actorName,
                                 String action, String subjectType, String subjectId, String reason) {

        static AuditEntryView from(AuditEntry entry) {
            return new AuditEntryView(entry.id().toString(), entry.occurredAt(), entry.actor().id(),
                    entry.actor().name(), entry.action(), entry.subjectType(), entry.subjectId(), entry.reason());
        }
    }

    @GET
    public List<AuditEntryView> newestFirst(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(AuditTrail.MAX_PAGE) int limit) {
        return trail.newestFirst(limit).stream().map(AuditEntryView::from).toList();
    }
}
