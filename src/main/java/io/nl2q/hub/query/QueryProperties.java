package io.nl2q.hub.query;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Limits of the question API ({@code hub.query}).
 *
 * @param maxQuestionLength longer questions are refused with 400 BAD_REQUEST
 */
@ConfigurationProperties("hub.query")
public record QueryProperties(Integer maxQuestionLength) {
    public QueryProperties {
        maxQuestionLength = maxQuestionLength == null ? 2000 : maxQuestionLength;
    }
}
