package org.videoplatform.pitches.entity;

import java.util.Locale;
import java.util.stream.Collectors;
import org.videoplatform.platform.entity.Conflict;

/** A production asked to move where its review state does not lead: a 409 that names where it can go. */
public class ProductionTransitionRefused extends Conflict {

    public ProductionTransitionRefused(ProductionState current, ProductionState wanted) {
        super("A production that is " + label(current) + " cannot become " + label(wanted) + "; "
                + (current.next().isEmpty() ? "it is final." : "it can become "
                + current.next().stream().map(ProductionTransitionRefused::label).collect(Collectors.joining(" or ")) + "."));
    }

    /** Something the state does not allow, such as a new cut for a released production. */
    public ProductionTransitionRefused(ProductionState current, String whatWasAsked) {
        super("A production that is " + label(current) + " cannot " + whatWasAsked + "; it is final.");
    }

    public static String label(ProductionState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
