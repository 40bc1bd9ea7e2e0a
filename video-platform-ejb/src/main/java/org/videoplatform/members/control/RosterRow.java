package org.videoplatform.members.control;

import java.util.Objects;
import org.videoplatform.members.entity.RosterStatus;

/** One usable line of a roster file, cleaned: numbers and postcodes upper case, emails lower case. */
public record RosterRow(int line, String membershipNumber, String fullName, String email, String postcode,
                        RosterStatus status) {

    boolean sameMemberAs(RosterRow other) {
        return membershipNumber.equals(other.membershipNumber) && fullName.equals(other.fullName)
                && Objects.equals(email, other.email) && Objects.equals(postcode, other.postcode) && status == other.status;
    }
}
