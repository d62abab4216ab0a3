package org.defections.extract.passes;

import org.defections.extract.text.TokenRange;
import org.defections.lexicon.Lexicons.RankEntry;

/**
 * A person the passage names (an entity), kept for appositions and coreference: the name, the rank its title or
 * apposition gives, the state its description tells, where it stands, and whether it stands as the object of a
 * preposition ("close to President X").
 */
record Person(String name, RankEntry rank, String origin, int sentence, TokenRange range, boolean inPhrase) {}
