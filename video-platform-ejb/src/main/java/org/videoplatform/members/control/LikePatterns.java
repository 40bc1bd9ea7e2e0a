package org.videoplatform.members.control;

import java.util.Locale;

/** Search terms as JPQL LIKE patterns: what people type is matched literally, wildcards and all. */
public final class LikePatterns {

    private LikePatterns() {
    }

    /** Matches any lower-cased value containing the term; no term matches everything. */
    public static String containing(String term) {
        return "%" + (term == null ? "" : term.strip().toLowerCase(Locale.ROOT))
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
