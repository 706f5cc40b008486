package io.nl2q.hub.llm;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The optional LLM generator ({@code hub.llm}): any OpenAI-compatible chat-completions API.
 *
 * @param enabled              false (default): questions the engine declines are refused, never sent anywhere
 * @param tenants              tenants it serves; empty: all
 * @param baseUrl              e.g. {@code https://api.openai.com/v1}
 * @param apiKey               from the environment ({@code LLM_API_KEY})
 * @param model                model name sent with each request
 * @param timeout              per request; past it the question is refused as the engine refused it
 * @param maxTokens            completion tokens at most
 * @param inputUsdPerMillion   price of a million prompt tokens, for the spend metric and budget
 * @param outputUsdPerMillion  price of a million completion tokens
 * @param dailyBudgetUsd       spend per tenant and UTC day; past it 429 RATE_LIMITED until midnight UTC
 * @param repair               one repair round when the warehouse refuses the generated SQL
 */
@ConfigurationProperties("hub.llm")
public record LlmProperties(Boolean enabled, List<String> tenants, String baseUrl, String apiKey, String model,
                            Duration timeout, Integer maxTokens, Double inputUsdPerMillion, Double outputUsdPerMillion,
                            Double dailyBudgetUsd, Boolean repair) {
    public LlmProperties {
        enabled = enabled != null && enabled;
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        baseUrl = baseUrl == null ? "https://api.openai.com/v1" : baseUrl;
        model = model == null ? "gpt-4o-mini" : model;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxTokens = maxTokens == null ? 800 : maxTokens;
        inputUsdPerMillion = inputUsdPerMillion == null ? 0.15 : inputUsdPerMillion;
        outputUsdPerMillion = outputUsdPerMillion == null ? 0.60 : outputUsdPerMillion;
        dailyBudgetUsd = dailyBudgetUsd == null ? 5.0 : dailyBudgetUsd;
        repair = repair == null || repair;
    }
}
