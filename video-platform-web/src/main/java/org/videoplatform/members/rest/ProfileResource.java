package org.videoplatform.members.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.videoplatform.identity.rest.Callers;
import org.videoplatform.members.boundary.Members;
import org.videoplatform.members.entity.Member;
import org.videoplatform.members.entity.Skill;
import org.videoplatform.members.rest.MembersResource.MemberView;

/**
 * A member's own profile. There is no member id in the path: the token says whose it is, so no
 * one can edit anyone else's.
 */
@Path("profile")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("producer")
public class ProfileResource {

    static final String NOT_A_MEMBER = "Your account has no member profile: profiles belong to members vetted at a workshop.";

    @Inject
    Members members;

    @Context
    SecurityContext security;

    /** A display name is a name: nothing that could pass for a message in a notification it starts. */
    public record ProfileUpdate(@Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{M}\\p{N} .'’()-]*",
                                        message = "may hold letters, digits, spaces and . ' ( ) - only") String displayName,
                                @Size(max = 100) String region,
                                @NotNull Set<@NotNull Skill> skills, @Size(max = 500) String availability,
                                @NotNull @Size(max = 5) List<@NotNull @Size(max = 500)
                                @Pattern(regexp = "(?i)https?://\\S+", message = "must be a web address starting with https://") String> portfolioLinks) {
    }

    @GET
    public MemberView mine() {
        return members.mine(account()).map(MemberView::from).orElseThrow(() -> new NotFoundException(NOT_A_MEMBER));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MemberView describe(@Valid @NotNull ProfileUpdate update) {
        Member member = members.describeMine(account(), update.displayName(), update.region(),
                        update.skills().isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(update.skills()),
                        update.availability(), update.portfolioLinks())
                .orElseThrow(() -> new NotFoundException(NOT_A_MEMBER));
        return MemberView.from(member);
    }

    private String account() {
        return Callers.token(security).getSubject();
    }
}
