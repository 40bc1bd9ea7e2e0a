package org.videoplatform.members.entity;

import java.util.Set;
import java.util.stream.Collectors;
import org.videoplatform.platform.entity.Conflict;

/** An attendee cannot move from where they stand to where they were asked to go. */
public class AttendanceRefused extends Conflict {

    private final Set<AttendanceState> allowed;

    public AttendanceRefused(AttendanceState current, AttendanceState wanted) {
        super("An attendee who is " + label(current) + " cannot become " + label(wanted) + "; "
                + (current.next().isEmpty() ? "nothing can change any more." : "they can become "
                + current.next().stream().map(AttendanceRefused::label).collect(Collectors.joining(" or ")) + "."));
        this.allowed = current.next();
    }

    private static String label(AttendanceState state) {
        return state.name().toLowerCase().replace('_', ' ');
    }

    public Set<AttendanceState> allowed() {
        return allowed;
    }
}
