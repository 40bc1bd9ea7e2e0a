package org.videoplatform.members.entity;

import java.util.Locale;
import java.util.stream.Collectors;
import org.videoplatform.platform.entity.Conflict;

/** A member asked to move where their state does not lead (revoking someone already revoked, say). */
public class MemberStateRefused extends Conflict {

    public MemberStateRefused(MemberState current, MemberState wanted) {
        super("A member who is " + label(current) + " cannot become " + label(wanted) + "; they can become "
                + current.next().stream().map(MemberStateRefused::label).collect(Collectors.joining(" or ")) + ".");
    }

    private static String label(MemberState state) {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
