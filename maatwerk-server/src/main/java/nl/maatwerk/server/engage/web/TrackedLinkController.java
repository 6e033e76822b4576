package nl.maatwerk.server.engage.web;

import java.net.URI;
import java.time.Instant;
import nl.maatwerk.server.engage.Outcomes;
import nl.maatwerk.server.platform.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The public redirect behind a tracked link in a message: records the click, then sends the citizen on. */
@RestController
class TrackedLinkController {

    private final Outcomes outcomes;

    TrackedLinkController(Outcomes outcomes) {
        this.outcomes = outcomes;
    }

    @GetMapping("/r/{token}")
    ResponseEntity<Void> follow(@PathVariable String token) {
        if (!token.matches("[0-9a-f-]{36,60}")) {
            throw ApiProblem.notFound("unknown link");
        }
        String target = outcomes.click(token, Instant.now()).orElseThrow(() -> ApiProblem.notFound("unknown link"));
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(target)).build();
    }
}
