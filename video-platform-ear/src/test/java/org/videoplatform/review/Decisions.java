package org.videoplatform.review;

import static org.videoplatform.ApiClient.send;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;

/** A lead's decision as the review page sends it: on the production's cut in review as it stands. */
public final class Decisions {

    private Decisions() {
    }

    public static HttpResponse<String> decide(String production, String token, String decision, String summary) {
        return decideOn(Checklist.cutInReview(production, token), production, token, decision, summary);
    }

    /** @param cut the cut the page showed, or null for a production that had none */
    static HttpResponse<String> decideOn(String cut, String production, String token, String decision, String summary) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("decision", decision).add("summary", summary);
        if (cut != null) {
            body.add("cut", cut);
        }
        return send("POST", "/api/productions/" + production + "/review/decisions", token, "application/json", body.build().toString());
    }
}
