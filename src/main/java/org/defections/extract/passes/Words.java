package org.defections.extract.passes;

import java.util.List;

/**
 * The word classes and parameters the passes read by name. Each language's rule files define them
 * ({@code rules/<language>/words.rules}); {@link #REQUIRED} and {@link #PARAMS} are checked when a rule set is loaded.
 */
final class Words {
  /** Punctuation that ends a clause: ; : dashes, brackets. */
  static final String CLAUSE_PUNCT = "CLAUSE_PUNCT";
  /** Words that may start a new clause before a trigger ("but", "said", "that", "and" before a new subject). */
  static final String CLAUSE_WORD = "CLAUSE_WORD";
  /** Words that end a trigger's clause after it ("but", "because"). */
  static final String CLAUSE_END = "CLAUSE_END";
  /** Words of a service between a description and a title ("air force captain X"). */
  static final String SERVICE_WORD = "SERVICE_WORD";
  /** Relative pronouns ("who", "which"). */
  static final String RELATIVE = "RELATIVE";
  /** Relative pronouns of a person ("who"): a relative clause that can have a gerund share its subject. */
  static final String PERSON_RELATIVE = "PERSON_RELATIVE";
  /** Words before a gerund that shares the subject of its relative clause ("who is in hiding after abandoning"). */
  static final String GERUND_LINK = "GERUND_LINK";
  /** Dashes, which may enclose a parenthesis ("eleven troops – three officers and ... – defected"). */
  static final String DASH = "DASH";
  /** "and": coordination, inside a noun phrase or between clauses. */
  static final String AND = "AND";
  /** Words between a name and what governs it that describe the name ("the former deputy"). */
  static final String TITLE_MODIFIER = "TITLE_MODIFIER";
  static final String PREPOSITION = "PREPOSITION";
  /** Words after which a name may begin a subject ("," "and" "including"). */
  static final String NP_JOINER = "NP_JOINER";
  /** Subject pronouns that refer to one person or a group ("he", "she", "they"). */
  static final String SUBJECT_PRONOUN = "SUBJECT_PRONOUN";
  /** "report", "reports": a denial that speaks of the reports of a reported defection. */
  static final String REPORT_WORD = "REPORT_WORD";
  /** Subject pronouns of one person ("he", "she"). */
  static final String SINGULAR_PRONOUN = "SINGULAR_PRONOUN";
  /** Words of asylum in a trigger ("sought asylum"): a ruler who asks for asylum is a defector. */
  static final String ASYLUM_WORD = "ASYLUM_WORD";
  /** Adjectives of rank and service that may stand between a count and a rank ("two senior army officers"). */
  static final String RANK_ADJECTIVE = "RANK_ADJECTIVE";
  /** Quantities too large or vague to be an incident's size ("hundreds", "dozens"): a statistic. */
  static final String VAGUE_LARGE = "VAGUE_LARGE";
  /** Reporting verbs: the subject of the reported clause follows them. */
  static final String REPORTING = "REPORTING";
  /** Nouns of reported speech with no reporting verb ("reports", "according"). */
  static final String REPORT_NOUN = "REPORT_NOUN";
  /** Words that place an event before the report: a relative pronoun, "former", "ago", "earlier". */
  static final String EARLIER = "EARLIER";
  static final String COPULA = "COPULA";
  /** Determiners of one person ("a", "an", "the", "one"). */
  static final String SINGULAR_DETERMINER = "SINGULAR_DETERMINER";
  /** Verbs of motion that take a destination before a trigger ("flew their jets to Malta and defected"). */
  static final String MOTION = "MOTION";
  /** Present perfect auxiliaries ("has", "have") and the adverbs that may follow them. */
  static final String PERFECT_AUX = "PERFECT_AUX";
  static final String PERFECT_ADVERB = "PERFECT_ADVERB";
  /** "had" and the adverbs that may follow it. */
  static final String PAST_PERFECT_AUX = "PAST_PERFECT_AUX";
  static final String PAST_PERFECT_ADVERB = "PAST_PERFECT_ADVERB";
  /** Words after a trigger that place the event before the report ("ago", "before", "earlier"). */
  static final String EARLIER_AFTER = "EARLIER_AFTER";
  /** Words before a date that make it the report's, not the event's ("reported on Saturday"). */
  static final String REPORTING_FRAME = "REPORTING_FRAME";
  static final String REPORTING_FRAME_LINK = "REPORTING_FRAME_LINK";
  /** Words after which the next sentence's verbs name the defectors ("arrived", "identified"). */
  static final String IDENTIFYING = "IDENTIFYING";
  /** Nouns for defectors as a group, in "The defectors, including ...". */
  static final String DEFECTOR_NOUN = "DEFECTOR_NOUN";
  /** Verbs of departure or arrival that date a defection told in a later sentence ("and left in 2015"). */
  static final String DEPARTURE = "DEPARTURE";
  /** Words that say the passage is about a sport, for people nouns ("players", "team"). */
  static final String SPORT_WORD = "SPORT_WORD";
  /** Sports events ("Olympic", "championship"): a named defector of no rank in their sentence is an athlete. */
  static final String SPORT_EVENT = "SPORT_EVENT";
  /** Names of sports ("boxing", "water polo"): a heading's label of one makes the person an athlete. */
  static final String SPORT = "SPORT";
  /** Where diplomats work ("embassy", "consulate"): people at one are embassy staff. */
  static final String EMBASSY = "EMBASSY";
  /** The lexicon phrase of the rank of people at an embassy. */
  static final String EMBASSY_STAFF = "embassy staff";
  /** The lexicon phrase of the rank an athlete takes. */
  static final String ATHLETE = "athlete";
  /** Parts of a trigger that keep it weak without a state ("fled"), and that give it state context ("asylum"). */
  static final String STATE_CONTEXT = "STATE_CONTEXT";
  /** Modifiers of a noun trigger between it and its possessor ("X's recent defection"). */
  static final String NOUN_TRIGGER_MODIFIER = "NOUN_TRIGGER_MODIFIER";
  /** Words that end "the defection of NP". */
  static final String OF_PHRASE_END = "OF_PHRASE_END";
  /** The class of the lexicon's people nouns ("men", "soldiers' families"). */
  static final String PEOPLE = "PEOPLE";
  /** The lexicon's class of rulers' titles ("president", "king"). */
  static final String SOVEREIGN = "SOVEREIGN";
  static final String HONORIFIC = "HONORIFIC";
  /** Lower-case words that may stand inside one noun phrase of names ("has", "also", "bin", "de"). */
  static final String NP_INNER = "NP_INNER";
  /** Words that stop an apposition's description ("who", ","). */
  static final String APPOSITION_STOP = "APPOSITION_STOP";
  /** "of", "from": a state after them is whose a phrase's people are ("officers of the Syrian army"). */
  static final String OF = "OF";
  /** "to", "in", "into", "at": a state after them in a phrase is where its people are or go, not whose they are. */
  static final String AT = "AT";
  /** "including": the named subgroups replace the total. */
  static final String INCLUDING = "INCLUDING";
  /** Words that mark a preposition of a diplomat's post ("to", "in", "at"). */
  static final String POST_PREPOSITION = "POST_PREPOSITION";
  /** Pronouns of one person before a noun trigger ("his defection"). */
  static final String POSSESSIVE_PRONOUN = "POSSESSIVE_PRONOUN";
  /** Words of a name given apart ("surnamed", "surname"). */
  static final String FAMILY = "FAMILY";
  /** Words that may stand between a list's opening and its first name ("They included the former Colonel A"). */
  static final String LIST_LEAD = "LIST_LEAD";
  /** Words between a reporting verb and the pronoun that refers to its subject ("said on Friday that they"). */
  static final String REPORT_GAP = "REPORT_GAP";

  /** Participles of a person's other events, whose dates are not the defection's ("elected in May"). */
  static final String OTHER_EVENT = "OTHER_EVENT";
  /** Fields that stand before a title as a sport does ("chess player", "long-distance runner"). */
  static final String SPECIALTY = "SPECIALTY";

  static final List<String> REQUIRED = List.of(CLAUSE_PUNCT, CLAUSE_WORD, CLAUSE_END, AND, TITLE_MODIFIER,
      PREPOSITION, NP_JOINER, SUBJECT_PRONOUN, RANK_ADJECTIVE, VAGUE_LARGE, REPORTING, REPORT_NOUN, EARLIER, COPULA,
      SINGULAR_DETERMINER, MOTION, PERFECT_AUX, PERFECT_ADVERB, PAST_PERFECT_AUX, PAST_PERFECT_ADVERB, EARLIER_AFTER,
      REPORTING_FRAME, REPORTING_FRAME_LINK, IDENTIFYING, DEFECTOR_NOUN, DEPARTURE, SPORT_WORD, SPORT, STATE_CONTEXT,
      INCLUDING, POST_PREPOSITION, NP_INNER, APPOSITION_STOP, POSSESSIVE_PRONOUN, NOUN_TRIGGER_MODIFIER,
      OF_PHRASE_END, FAMILY, LIST_LEAD, REPORT_GAP, OF, AT, DASH, RELATIVE, SERVICE_WORD, SINGULAR_PRONOUN, ASYLUM_WORD, REPORT_WORD,
      OTHER_EVENT, SPECIALTY);

  /** Tokens a factuality cue of scope BEFORE may stand before its trigger. */
  static final String FACTUALITY_WINDOW = "FACTUALITY_WINDOW";
  /** Tokens a sense cue of scope NEAR may stand before and after its trigger. */
  static final String SENSE_BEFORE = "SENSE_BEFORE";
  static final String SENSE_AFTER = "SENSE_AFTER";
  /** Sentences a later sentence may stand from an unnamed defector to name them. */
  static final String COREFERENCE_SENTENCES = "COREFERENCE_SENTENCES";
  /** Sentences within which the last origin or defector is carried to a trigger that names none. */
  static final String ORIGIN_MEMORY_SENTENCES = "ORIGIN_MEMORY_SENTENCES";
  /** The most named members a group's size may be made of ("his brother and two sons"). */
  static final String MAX_NAMED_MEMBERS = "MAX_NAMED_MEMBERS";
  /** Counts from which a group is a statistic, not an incident. */
  static final String STATISTIC_COUNT = "STATISTIC_COUNT";
  /** Tokens around a name in which its title or post is read. */
  static final String TITLE_WINDOW = "TITLE_WINDOW";
  /** Sentences after a group's in which a definite description ("The defectors are A, B and C") lists its members. */
  static final String ENUMERATION_SENTENCES = "ENUMERATION_SENTENCES";

  static final List<String> PARAMS = List.of(FACTUALITY_WINDOW, SENSE_BEFORE, SENSE_AFTER, COREFERENCE_SENTENCES,
      ORIGIN_MEMORY_SENTENCES, MAX_NAMED_MEMBERS, STATISTIC_COUNT, TITLE_WINDOW, ENUMERATION_SENTENCES);

  private Words() {}
}
