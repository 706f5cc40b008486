package io.nl2q.hub.semantic;

import java.util.HashSet;
import java.util.Set;

/**
 * The general English under the model: words that carry no data meaning once the rest of a question is understood.
 * Two kinds. Function words, greetings, politeness and discourse markers ("hello", "plz", "real quick", "I'm")
 * never name data and are always dropped. Light verbs and adverbs ("come from", "generated", "driven by", "paid",
 * "nationally") relate what the model names; they are dropped only when the question names its measure or asks for
 * members, so a sentence whose only data word is such a verb ("how much was paid") is refused rather than answered
 * with the default measure. Nouns and adjectives are never here: an unknown one may name data and is refused.
 * Domain-free; a word the model declares is read by the model first.
 */
final class English {
    /** Function words other than the {@link #NOUNS}, which are function words too. */
    private static final Set<String> FUNCTION = words("""
            hello hi hey hiya howdy greetings morning afternoon evening thanks thank thx ty tia cheers please plz pls
            kindly appreciate appreciated sorry ok okay okey alright cool great awesome perfect
            quick quickly real really just actually basically maybe perhaps possibly again now asap urgent urgently
            hmm um uh btw fyi anyway anyhow well also too very
            quite rather pretty bit lot lots kind sort etc ie eg via per thru through along alongside upon onto off
            toward towards together respective respectively exactly roughly approximately around approx
            im ive youre your yours he she his her him myself ourselves yourself mine ours
            if then whether either neither nor such own which whats hows wheres whos one ones
            wondering wonder curious interested interest q helps helping am hoping hope wanted wanting r u ur
            nationally national nationwide overall altogether leaderboard scorecard dashboard grid qbr mbr
            finance medical affairs validation validating sanity reconciling reconcile cleanup board universe dr mr mrs
            ms records record entries rows row lines
            """);
    /**
     * Output instructions: the id of a member is its key, which every answer about members already shows ("show id
     * and name", "with their ids"); a model phrase ("hcp id") is read first.
     */
    private static final Set<String> OUTPUT = words("""
            id ids identifier identifiers key keys
            """);
    private static final Set<String> LIGHT = words("""
            come comes came coming generate generates generated generating drive drives drove driven driving
            belong belongs belonged belonging contribute contributes contributed contributing perform performs
            performed performing performance obtain obtains obtained obtaining get gets got gotten getting receive
            receives received receiving bring brings brought produce produces produced account accounts accounted
            deliver delivers delivered achieve achieves achieved go goes went gone going do does did done doing
            run runs ran running provide provides provided return returns returned put puts pull pulls pulled
            pulling check checks checked confirm think try look looks looking happen happens
            happened occur occurs occurred register registered post posted land landed clock clocked rack racked
            fare fared stack stacks stand stands stood sit sits sat include includes included including involve
            involved involving use uses used using take takes took taken hold holds held holding
            spend spends spent spending pay pays paid paying fill fills filled filling dispense dispenses
            dispensed dispensing log logs record recorded book booked hit hits see sees saw seen tally tallied
            capture captured captures show shows showing shown contain contains contained containing
            total totals totaled totalled whole entire full
            currently presently today recently lately
            """);

    /** Nouns among the function words: dropped as address or context ("hi team", "for my deck"), never as a modifier. */
    private static final Set<String> NOUNS = words("""
            folks team guys everyone anyone somebody someone deck slide slides presentation meeting heads database db
            system systems dataset warehouse question help
            """);

    /**
     * Verbs that change what is computed (a change, a comparison, an exclusion, an operation, a prediction or a
     * write): never dropped, even where WordNet knows them only as verbs, since "HCPs who ceased writing" read
     * without "ceased" is another question. By dictionary form.
     */
    private static final Set<String> MEANING_VERBS = words("""
            cease stop quit discontinue abandon drop lapse lose churn switch leave exclude omit skip miss lack fail
            neglect avoid decline decrease increase grow rise fall shrink double triple halve surpass exceed outperform
            underperform outsell outpace outrank beat trail lag compare rank sort order split divide average sum count
            subtract multiply predict forecast project estimate extrapolate simulate model delete remove erase update
            modify change alter insert add create truncate grant revoke send email export upload start begin resume
            restart opt unsubscribe refuse deny reject approve block ban restrict limit cap filter group pivot join
            merge combine separate break segment classify prioritize target retarget call visit detail write prescribe
            dispense fill refill cover reimburse pay spend sell buy sample price discount rebate
            """);
    /**
     * Adverbs of time, frequency, degree of exclusivity or manner that restrict a question ("newly", "previously",
     * "consistently", "solely"): not dropped, even where WordNet knows them only as adverbs.
     */
    private static final Set<String> MEANING_ADVERBS = words("""
            previously formerly newly freshly originally initially firstly lastly finally eventually subsequently
            consistently continuously steadily repeatedly regularly frequently rarely seldom occasionally
            exclusively solely only mostly mainly primarily chiefly largely partly partially fully completely entirely
            increasingly decreasingly progressively rapidly slowly sharply significantly substantially dramatically
            hourly daily weekly biweekly monthly quarterly yearly annually semiannually early late lately
            highly heavily lightly barely hardly scarcely nearly almost approximately roughly exactly precisely
            never ever always sometimes often still yet already anymore again before after earlier later
            negatively positively inversely jointly separately individually collectively respectively per
            """);

    /** How a word the model does not declare is read from its WordNet entry. */
    enum Role { DROPPED, LIGHT, UNKNOWN }

    /**
     * An adverb ending in -ly that only qualifies how something is said ("basically", "historically") is dropped; a
     * verb that only relates what the model names ("amassed", "garnered") is light; everything else (a noun or an
     * adjective, which may name data, or a word WordNet does not know) stays unknown and is refused.
     */
    static Role role(String lower, WordNet.Entry entry) {
        if (!entry.known() || entry.baseForms().stream().anyMatch(MEANING_VERBS::contains)
                || MEANING_ADVERBS.contains(lower)) {
            return Role.UNKNOWN;
        }
        if (entry.onlyAdverb() && lower.endsWith("ly") && lower.length() >= 6) {
            return Role.DROPPED;
        }
        return entry.onlyVerb() && lower.length() >= 4 ? Role.LIGHT : Role.UNKNOWN;
    }

    private English() {
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.strip().split("\\s+")) {
            out.add(w);
        }
        return out;
    }

    /** Always dropped: function words, greetings, politeness, discourse markers. */
    static boolean isFunction(String lower) {
        return FUNCTION.contains(lower) || NOUNS.contains(lower) || OUTPUT.contains(lower);
    }

    /** A function word that is a noun: right after a data word it would name data ("brand team"), so it is not dropped. */
    static boolean isNoun(String lower) {
        return NOUNS.contains(lower);
    }

    /** Dropped only when the question names its measure or asks for members. */
    static boolean isLight(String lower) {
        return LIGHT.contains(lower);
    }

    static boolean knows(String lower) {
        return isFunction(lower) || isLight(lower);
    }
}
