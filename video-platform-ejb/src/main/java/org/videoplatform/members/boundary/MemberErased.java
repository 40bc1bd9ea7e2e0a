package org.videoplatform.members.boundary;

import java.util.UUID;

/**
 * A member's personal data was erased. Fired inside the erasing transaction: whatever else names
 * the person must be anonymised in the same commit, or the erasure fails whole.
 *
 * @param accountId the identity-provider id the member's records carry
 * @param anonymousCredit the name to show instead of theirs
 */
public record MemberErased(UUID memberId, String accountId, String anonymousCredit) {
}
