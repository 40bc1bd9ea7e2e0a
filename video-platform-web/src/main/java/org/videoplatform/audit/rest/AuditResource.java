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
import java.util.Map;
import java.util.UUID;
import org.videoplatform.audit.boundary.AuditTrail;
import org.videoplatform.audit.entity.AuditEntry;
import org.videoplatform.platform.entity.InvalidInput;

/** The audit trail, read-only: there is deliberately no way to change or delete an entry. */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"video-lead", "admin"})
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** @param subjectName what the entry is about, by the name a lead knows it by; null when it has none */
    public record AuditEntryView(String id, OffsetDateTime occurredAt, String actorId, String actorName,
                                 String action, String subjectType, String subjectId, String subjectName, String reason) {

        static AuditEntryView from(AuditEntry entry, Map<String, String> names) {
            return new AuditEntryView(entry.id().toString(), entry.occurredAt(), entry.actor().id(), entry.actor().name(),
                    entry.action(), entry.subjectType(), entry.subjectId(),
                    names.get(entry.subjectKey()), entry.reason());
        }
    }

    /** @param after the id of the last entry already shown, for the page that follows it */
    @GET
    public List<AuditEntryView> newestFirst(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(AuditTrail.MAX_PAGE) int limit,
            @QueryParam("after") String after) {
        List<AuditEntry> entries = trail.newestFirst(limit, after == null ? null : entryId(after))
                .orElseThrow(() -> new InvalidInput("after", "is not an entry of the trail"));
        Map<String, String> names = trail.subjectNames(entries);
        return entries.stream().map(entry -> AuditEntryView.from(entry, names)).toList();
    }

    private static UUID entryId(String after) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("after", "must be the id of an entry of the trail");
        }
    }
}
