package org.videoplatform.members.boundary;

/**
 * A member's personal data was erased. What was only ever theirs to read, such as the
 * notifications addressed to them, goes with it, in the same transaction; what they made for the
 * campaign stays, credited anonymously (see {@link CreditChanged}).
 *
 * @param accountId the identity-provider id their records carry
 */
public record AccountErased(String accountId) {
}
