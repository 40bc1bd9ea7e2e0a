package org.videoplatform.pitches.entity;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.videoplatform.platform.entity.Conflict;

/** A pitch asked to move where its state does not lead: a 409 that names where it can go. */
public class PitchTransitionRefused extends Conflict {

    private final Set<PitchState> allowed;

    public PitchTransitionRefused(PitchState current, PitchState wanted) {
        super("A pitch that is " + label(current) + " cannot become " + label(wanted) + "; "
                + (current.next().isEmpty() ? "it is final." : "it can become "
                + current.next().stream().map(PitchTransitionRefused::label).collect(Collectors.joining(" or ")) + "."));
        this.allowed = current.next();
    }

    /** A change the pitch's state does not allow, such as editing a submitted pitch. */
    public PitchTransitionRefused(PitchState current, String whatWasAsked) {
        super("A pitch that is " + label(current) + " cannot be " + whatWasAsked + "; only drafts can.");
        this.allowed = current.next();
    }

    public Set<PitchState> allowed() {
        return allowed;
    }

    static String label(PitchState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
