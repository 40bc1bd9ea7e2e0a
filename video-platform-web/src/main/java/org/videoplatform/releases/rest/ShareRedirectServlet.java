package org.videoplatform.releases.rest;

import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.videoplatform.releases.boundary.Redirects;

/**
 * {@code /s/CODE}: counts the click and redirects. The request is parked while the click is
 * written to the click log and answered by the log's writer once it is on disk, so no thread waits
 * on the disk and a redirect that went out is a click that was kept.
 */
@WebServlet(name = "ShareRedirect", urlPatterns = "/s/*", asyncSupported = true)
public class ShareRedirectServlet extends HttpServlet {

    private static final Pattern CODE = Pattern.compile("/([0-9A-Za-z]{8})");
    private static final long ANSWER_WITHIN_MILLIS = 10_000;

    @Inject
    Redirects redirects;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Link> link = linkOf(request);
        if (link.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This link does not exist. Check it was copied whole.");
            return;
        }
        String location = link.get().location();
        if (LinkPreviews.fetchedBy(request.getHeader("User-Agent"))) {
            // A chat app fetching the link to show its card is no one clicking it.
            redirect(response, location);
            return;
        }
        AsyncContext parked = request.startAsync();
        parked.setTimeout(ANSWER_WITHIN_MILLIS);
        redirects.count(link.get().code(), request.getRemoteAddr(), request.getHeader("User-Agent"), durable -> {
            redirect((HttpServletResponse) parked.getResponse(), location);
            parked.complete();
        });
    }

    /** Link checkers ask for the headers only: they are answered as a click would be, and not counted. */
    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) {
        linkOf(request).ifPresentOrElse(link -> redirect(response, link.location()),
                () -> response.setStatus(HttpServletResponse.SC_NOT_FOUND));
    }

    private record Link(String code, String location) {
    }

    private Optional<Link> linkOf(HttpServletRequest request) {
        var code = CODE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!code.matches()) {
            return Optional.empty();
        }
        return redirects.targetOf(code.group(1)).map(target -> new Link(code.group(1),
                target.url().orElse(request.getContextPath() + "/watch.html?c=" + code.group(1))));
    }

    private static void redirect(HttpServletResponse answer, String location) {
        answer.setStatus(HttpServletResponse.SC_FOUND);
        answer.setHeader("Location", location);
        // Every click must reach the server to be counted, and the link's page is nobody else's business.
        answer.setHeader("Cache-Control", "no-store");
        answer.setHeader("Referrer-Policy", "no-referrer");
    }
}
