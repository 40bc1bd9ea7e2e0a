package org.videoplatform.members.entity;

import java.util.EnumSet;
import java.util.Set;

/**
 * Whether a vetted member may use the platform. Suspension is meant to be temporary; revocation
 * is not, though the lead may vet the person again at a later workshop (with a warning). Erasure
 * is final.
 */
public enum MemberState {
    ACTIVE,
    SUSPENDED,
    REVOKED,
    /** Personal data removed at the person's request; what remains is an anonymous record. */
    ERASED;

    public Set<MemberState> next() {
        return switch (this) {
            case ACTIVE -> EnumSet.of(SUSPENDED, REVOKED, ERASED);
            case SUSPENDED -> EnumSet.of(ACTIVE, REVOKED, ERASED);
            case REVOKED -> EnumSet.of(ACTIVE, ERASED);
            case ERASED -> EnumSet.noneOf(MemberState.class);
        };
    }
}
