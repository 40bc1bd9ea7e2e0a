package org.videoplatform.review.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.videoplatform.identity.rest.Actors;
import org.videoplatform.review.boundary.Reviews;
import org.videoplatform.review.entity.Notification;

/** The caller's notifications, newest first: decisions on their cuts and mentions of them. */
@Path("notifications")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"producer", "video-lead", "admin"})
public class NotificationsResource {

    @Inject
    Reviews reviews;

    @Inject
    Actors actors;

    @Context
    SecurityContext security;

    public record NotificationView(String id, String productionId, String message, OffsetDateTime createdAt, OffsetDateTime readAt) {

        static NotificationView from(Notification n) {
            return new NotificationView(n.id().toString(), n.productionId().toString(), n.message(), n.createdAt(), n.readAt());
        }
    }

    @GET
    public List<NotificationView> notifications() {
        return reviews.notifications(actors.of(security)).stream().map(NotificationView::from).toList();
    }

    @POST
    @Path("{id}/read")
    public NotificationView read(@PathParam("id") UUID id) {
        return reviews.markRead(id, actors.of(security)).map(NotificationView::from).orElseThrow(NotFoundException::new);
    }
}
