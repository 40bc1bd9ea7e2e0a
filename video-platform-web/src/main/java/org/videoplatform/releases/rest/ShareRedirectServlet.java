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
        var code = CODE.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        Optional<Redirects.Target> target = code.matches() ? redirects.targetOf(code.group(1)) : Optional.empty();
        if (target.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write("This link does not exist. Check it was copied whole.");
            return;
        }
        String location = target.get().url().orElse(request.getContextPath() + "/watch.html?c=" + code.group(1));
        AsyncContext parked = request.startAsync();
        parked.setTimeout(ANSWER_WITHIN_MILLIS);
        redirects.count(code.group(1), request.getRemoteAddr(), request.getHeader("User-Agent"), durable -> {
            HttpServletResponse answer = (HttpServletResponse) parked.getResponse();
            answer.setStatus(HttpServletResponse.SC_FOUND);
            answer.setHeader("Location", location);
            // Every click must reach the server to be counted, and the link's page is nobody else's business.
            answer.setHeader("Cache-Control", "no-store");
            answer.setHeader("Referrer-Policy", "no-referrer");
            parked.complete();
        });
    }
}
