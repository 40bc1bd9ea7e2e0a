package org.videoplatform.members.boundary;

import java.util.List;
import java.util.UUID;
import org.videoplatform.members.control.RosterLineProblem;

/**
 * What an import did: members added, members whose details changed, members already up to date,
 * lines that repeated another exactly, and the lines that were not imported with the reason.
 */
public record RosterImportReport(UUID importId, int created, int updated, int unchanged, int duplicateRows,
                                 List<RosterLineProblem> rejected) {
}
