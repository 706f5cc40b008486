/**
 * The semantic engine: compiles analysts' questions into SQL through a governed semantic model (Snowflake Cortex
 * Analyst's YAML format, {@code config/semantic/*.yaml}), deterministically and without an LLM, or refuses.
 *
 * <p>The pipeline, one small class per step:
 * <ol>
 *   <li>{@link io.nl2q.hub.semantic.ModelLoader} reads and {@code ModelValidator} checks the model at start.</li>
 *   <li>{@code TenantIndex} reads each tenant's dimension values and data span (as-of date) from its own warehouse;
 *       {@code Lexicon} indexes model names, synonyms, values and analytic keywords by stemmed phrase.</li>
 *   <li>{@code QuestionReader} turns a question into terms: time expressions ({@code TimeParser},
 *       {@code RelativePeriods}), the longest known phrases, typo correction of longer words ({@code Fuzzy}).
 *       A word nothing accounts for means a refusal.</li>
 *   <li>{@code MentionScanner} sorts terms into {@code Mentions}; {@code IntentResolver}, {@code MemberResolver},
 *       {@code ClauseBuilder} and {@code SharePartition} resolve them into one {@code Intent} against the model's
 *       joins ({@code JoinPlanner}: many-to-one only, so aggregates never fan out).</li>
 *   <li>{@code AggregateSql}, {@code MultiFactSql} and {@code MemberSql} compile the intent in the tenant's
 *       dialect, with an {@code Explanation} and a chart suggestion.</li>
 * </ol>
 * No class here holds a domain word: the same engine answers over {@code src/test/resources/semantic/other.yaml}.
 */
package io.nl2q.hub.semantic;
