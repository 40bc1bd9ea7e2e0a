package org.videoplatform.problems;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * Errors raised by the servlet container before JAX-RS sees the request (a static file that
 * does not exist, a missing or refused token), sent here by the error pages in web.xml so
 * they too are problem documents rather than HTML.
 */
@WebServlet(name = "ContainerErrors", urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/container-error";

    private final transient Jsonb jsonb = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number ? number : HttpServletResponse.SC_NOT_FOUND;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri != null ? uri.toString() : request.getRequestURI();
        // web.xml routes only standard statuses here, all of which the enum knows.
        Problem problem = Problem.of(Response.Status.fromStatusCode(status), detail(status, path, request.getMethod()), path);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(jsonb.toJson(problem));
    }

    private static String detail(int status, String path, String method) {
        return switch (status) {
            case 401 -> "Sign in first: this needs a valid access token.";
            case 403 -> "Your account is not allowed to do this.";
            case 404 -> "There is nothing at " + path + ".";
            case 405 -> method + " is not allowed on " + path + ".";
            case 413 -> "The request body is too large.";
            default -> "The server could not answer this request.";
        };
    }
}
