package org.videoplatform.releases.rest;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fetchers that open a shared link to draw its card in a chat or a feed. Each fetch is a
 * request like a click, and without this a link posted in a group would count a click per preview.
 * Named one by one: "bot" alone also matches phones such as the Cubot. Signal fetches its
 * previews under WhatsApp's name, so one entry covers both.
 */
final class LinkPreviews {

    private static final Pattern FETCHERS = Pattern.compile("facebookexternalhit|facebookcatalog|meta-externalagent|twitterbot"
            + "|slackbot|discordbot|telegrambot|linkedinbot|whatsapp|skypeuripreview|mastodon|cardyb|iframely|embedly|vkshare"
            + "|pinterestbot|redditbot|applebot|googlebot|bingbot|duckduckbot|yandexbot|crawler|spider");

    private LinkPreviews() {
    }

    static boolean fetchedBy(String userAgent) {
        return userAgent != null && FETCHERS.matcher(userAgent.toLowerCase(Locale.ROOT)).find();
    }
}
