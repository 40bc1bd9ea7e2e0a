package org.videoplatform.platform.entity;

import java.util.Locale;

/** Web addresses as people type them on phones. */
public final class WebAddresses {

    private WebAddresses() {
    }

    /**
     * Phones capitalise the first letter typed, so "Https://" arrives. The scheme means the same in
     * any case, but what compares addresses as text (finding a post again by its address) does not.
     */
    public static String withLowerCaseScheme(String address) {
        int colon = address.indexOf("://");
        return colon < 0 ? address : address.substring(0, colon).toLowerCase(Locale.ROOT) + address.substring(colon);
    }
}
