package io.rapport.web.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemAnswerTest {

    @Test
    void eachFieldsMessageIsKeptForTheFieldItNames() {
        ApiProblem problem = Gateway.problem(400, """
                {"title": "Invalid request", "status": 400, "detail": "2 field(s) invalid",
                 "errors": [{"field": "motivation", "message": "must be between 0 and 3"},
                            {"field": "name", "message": "is required"}]}""");

        assertThat(problem.title()).isEqualTo("Invalid request");
        assertThat(problem.fieldErrors()).containsEntry("motivation", "must be between 0 and 3").containsEntry("name", "is required");
    }

    @Test
    void aPlainErrorPageStillGivesAStatusAndATitle() {
        ApiProblem problem = Gateway.problem(502, "<html>Bad gateway</html>");

        assertThat(problem.title()).isEqualTo("The service could not answer");
        assertThat(problem.fieldErrors()).isEmpty();
    }
}
