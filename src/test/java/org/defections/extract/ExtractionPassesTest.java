package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.defections.annotate.TextAnnotator;
import org.defections.candidates.CandidateSelection;
import org.defections.candidates.Passage;
import org.defections.ingest.Article;
import org.defections.lexicon.Lexicons;
import org.defections.resolve.DefectionRecord;
import org.defections.resolve.MentionResolver;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The passes of the engine over invented passages of several sentences (coreference, group members, returns,
 * denials, a passage's sense, dates by tense) and their records: each article is cut into candidate passages as the
 * job cuts it, annotated by the job's Spark NLP pipeline in this JVM (no Spark job) and extracted.
 */
class ExtractionPassesTest {
  private static Lexicons lexicons;
  private static TextAnnotator annotator;
  private static Extractor extractor;

  @BeforeAll
  static void setUp() throws Exception {
    lexicons = Lexicons.bundled();
    annotator = new TextAnnotator(lexicons);
    extractor = Extractor.forLanguage(lexicons, "en");
  }

  static List<Mention> mentions(String published, String text) {
    return mentions("t1", published, text);
  }

  static List<Mention> mentions(String id, String published, String text) {
    Article a = new Article(id, null, published, null, text, "test");
    List<Mention> out = new ArrayList<>();
    for (Passage p : CandidateSelection.passages(a, lexicons, 3, 20000, true)) {
      out.addAll(extractor.extract(annotator.annotate(id, p.getText(), "en", p.getPublished(), p.getReferenceDate(),
          p.getPassageBegin())));
    }
    return out;
  }

  static List<Mention> countable(String published, String text) {
    return mentions(published, text).stream().filter(Mention::countable).collect(Collectors.toList());
  }

  @Test
  void namedOfficerWithAbbreviatedRankOriginDestinationAndWeekday() {
    List<Mention> ms = countable("2014-09-12",
        "Belarusian Lt. Col. Anton Kravets defected to Lithuania on Tuesday, the border service said.");
    assertEquals(1, ms.size());
    Mention m = ms.get(0);
    assertEquals("Anton Kravets", m.getPersonName());
    assertEquals("Lieutenant Colonel", m.getRank());
    assertEquals("SENIOR_OFFICER", m.getRankClass());
    assertEquals("OF-4", m.getNatoCode());
    assertEquals("BLR", m.getOriginCountry());
    assertEquals("LTU", m.getDestinationCountry());
    assertEquals("2014-09-09", m.getEventDate().toString());
    assertEquals("CONFIRMED", m.getStatus());
  }

  @Test
  void groupSplitByRankIsOneIncident() {
    List<Mention> ms = countable("2016-04-02",
        "A Venezuelan captain and three sergeants deserted to Colombia on Friday, officials said.");
    assertEquals(2, ms.size());
    assertEquals("Captain", ms.get(0).getRank());
    assertEquals(Integer.valueOf(1), ms.get(0).getGroupSize());
    assertEquals("Sergeant", ms.get(1).getRank());
    assertEquals(Integer.valueOf(3), ms.get(1).getGroupSize());
    assertEquals(ms.get(0).getIncidentKey(), ms.get(1).getIncidentKey());
    assertEquals("VEN", ms.get(1).getOriginCountry());
    assertEquals("COL", ms.get(1).getDestinationCountry());
  }

  @Test
  void hedgedAndPlannedMentionsAreKeptOut() {
    List<Mention> planned = mentions("2020-01-01",
        "Several Eritrean officers are preparing to defect to Ethiopia, an exile group claimed.");
    assertTrue(planned.stream().noneMatch(Mention::countable));
    assertTrue(planned.stream().anyMatch(m -> "PLANNED".equals(m.getFactuality())));
    List<Mention> unclear = mentions("2020-01-01",
        "It is unclear whether the Cuban consul in Quito has defected.");
    assertTrue(unclear.stream().noneMatch(Mention::countable));
  }

  @Test
  void reportedStatusFromAttribution() {
    List<Mention> ms = countable("2018-05-20",
        "A Burmese army major reportedly defected to Thailand last week.");
    assertEquals(1, ms.size());
    assertEquals("REPORTED", ms.get(0).getStatus());
  }

  @Test
  void otherSensesNeverCount() {
    assertTrue(countable("2010-01-01", "The recall covers a defect in the brake pedal of 30,000 cars.").isEmpty());
    assertTrue(countable("2010-01-01", "A Labour MP defected to the Liberal Democrats on Monday.").isEmpty());
    assertTrue(countable("2010-01-01", "By midnight the market square was completely deserted.").isEmpty());
  }

  @Test
  void aListedGroupIsOneMemberPerPostAndAPostIdentifiesADiplomatAcrossArticles() {
    List<Mention> listed = mentions("a1", "2011-02-22", "Several Eritrean diplomats resigned in protest on Monday. "
        + "They included the ambassadors to France, Spain and Italy, as well as the consul in Berlin.");
    List<Mention> members = listed.stream().filter(Mention::countable).toList();
    assertEquals(List.of("Ambassador FRA", "Ambassador ESP", "Ambassador ITA", "Consul DEU"), members.stream()
        .map(m -> m.getRank() + " " + m.getPosting()).toList());
    assertTrue(members.stream().allMatch(m -> "ERI".equals(m.getOriginCountry()) && m.getGroupSize() == 1));
    assertTrue(listed.stream().anyMatch(m -> "enumerated_members".equals(m.getKeptOutReason())), listed.toString());

    List<Mention> all = new java.util.ArrayList<>(members);
    all.addAll(countable("2011-02-23", "Tesfay Gebre, Eritrea's ambassador to Spain, resigned in protest on "
        + "Tuesday."));
    List<DefectionRecord> rs = MentionResolver.resolve(all);
    assertEquals(4, rs.size(), rs.toString()); // four diplomats at four posts; the one in Madrid has a name
    DefectionRecord spain = rs.stream().filter(r -> "Tesfay Gebre".equals(r.getPersonName())).findFirst()
        .orElseThrow();
    assertEquals(List.of("a1", "t1"), spain.getArticleIds());
  }

  @Test
  void aDiplomatsPostTellsWhoResignedAndNamesThemLater() {
    List<Mention> ms = countable("2011-02-22", "The Eritrean ambassador to the United States said he could no longer "
        + "support the government, and the ambassador to India resigned in protest. Officials confirmed it on "
        + "Tuesday. Eritrea's ambassador in Washington, Tesfay Gebre, told reporters he feared for his family.");
    assertEquals(List.of("Tesfay Gebre USA", "null IND"), ms.stream().map(m -> m.getPersonName() + " "
        + m.getPosting()).toList());
  }

  @Test
  void aPostNamesItsDiplomatAnywhereInThePassageButOnlyForTheSameState() {
    String story = "The Syrian ambassador to Cyprus resigned on Monday in protest at the shelling of Homs, officials "
        + "said. The foreign ministry in Nicosia confirmed the news. Talks on trade went ahead. A budget was passed. "
        + "Ministers met later. %s ambassador in Nicosia, Karim Nasser, told reporters that the shelling shocked him.";
    List<Mention> same = countable("2012-03-06", String.format(story, "Syria's"));
    assertEquals(List.of("Karim Nasser CYP"), same.stream().map(m -> m.getPersonName() + " " + m.getPosting())
        .toList());
    // Lebanon's ambassador in Nicosia is another person
    List<Mention> other = countable("2012-03-06", String.format(story, "Lebanon's"));
    assertEquals(List.of("null CYP"), other.stream().map(m -> m.getPersonName() + " " + m.getPosting()).toList());
  }

  @Test
  void aDiplomatDecidingNotToSupportTheRegimeDefects() {
    List<Mention> ms = countable("2012-03-06", "The Syrian envoy to Kuwait said he had decided not to support the "
        + "regime.");
    assertEquals(List.of("Envoy SYR KWT"), ms.stream().map(m -> m.getRank() + " " + m.getOriginCountry() + " "
        + m.getPosting()).toList());
    // not a diplomat: a withdrawal of support at home is politics, not a defection
    assertTrue(countable("2012-03-06", "The Syrian farmer said he had decided not to support the regime.")
        .isEmpty());
  }

  @Test
  void aPastPerfectInReportedSpeechIsRecentNewsUnlessPlacedEarlier() {
    // reported speech shifts "has joined" to "had joined": the report's month, as for the present perfect
    assertEquals("2019-03", countable("2019-03-04", "There were reports that a Syrian colonel had joined the rebels "
        + "in Idlib.").get(0).getEventMonth());
    assertEquals("2019-03", countable("2019-03-04", "Officials said two Syrian soldiers had defected to Turkey.")
        .get(0).getEventMonth());
    // a relative clause or "before" places the defection at some earlier time the text does not give
    assertNull(countable("2019-03-04", "Officials said the Syrian colonel, who had defected to Turkey years before, "
        + "was killed.").get(0).getEventMonth());
    assertNull(countable("2019-03-04", "A Syrian colonel had defected to Turkey before the war, officials said.")
        .get(0).getEventMonth());
  }

  @Test
  void aGenericTotalRestatesOnlyRecordsOfItsOwnService() {
    // "a senior officer" is not one of the three ambassadors: two records
    List<DefectionRecord> two = MentionResolver.resolve(countable("2011-02-21", "At least three Eritrean "
        + "ambassadors have resigned in protest, officials said. There were also reports that a senior officer and "
        + "his troops had joined the protesters in Keren."));
    assertEquals(List.of("Ambassador 3", "Senior Officer 1"), two.stream().map(r -> r.getRank() + " "
        + r.getGroupSize()).sorted().toList());
    // "two generals and two colonels ... the four officers": the total restates the officers and is dropped
    List<DefectionRecord> restated = MentionResolver.resolve(countable("2012-08-16", "Two Syrian brigadier generals "
        + "and two colonels defected to Turkey on Tuesday, officials said. The defection of the four officers was "
        + "confirmed by the rebels."));
    assertEquals(List.of("Brigadier General 2", "Colonel 2"), restated.stream().map(r -> r.getRank() + " "
        + r.getGroupSize()).sorted().toList());
  }

  @Test
  void aDefectorWhoReturnsDefectsAgainFromWhereTheyHadGone() {
    List<Mention> ms = countable("1996-02-25", "Colonel Omar Haddad, who defected to Jordan last year, returned to "
        + "Baghdad on Tuesday, officials said.");
    assertEquals(List.of("IRQ>JOR", "JOR>IRQ"), ms.stream().map(m -> m.getOriginCountry() + ">"
        + m.getDestinationCountry()).sorted().toList());
    assertTrue(ms.stream().allMatch(m -> "Omar Haddad".equals(m.getPersonName())));
    // a return alone, or by someone not said to have defected, is no defection
    assertTrue(countable("1996-02-25", "Colonel Omar Haddad returned to Baghdad on Tuesday, officials said.")
        .isEmpty());
    assertEquals(1, countable("1996-02-25", "Colonel Omar Haddad defected to Jordan last year, and his aide "
        + "returned to Baghdad on Tuesday.").size());
  }

  @Test
  void aDefectorKnownOnlyByASurnameTheSentenceGives() {
    List<Mention> kim = countable("2019-08-02", "A North Korean soldier surnamed Kim defected across the border "
        + "on Friday, the South Korean military said.");
    assertEquals(List.of("Kim"), kim.stream().map(Mention::getPersonName).toList());
    List<Mention> park = countable("2019-08-02", "A North Korean guard identified only by his family name, Park, "
        + "crossed the military demarcation line and defected to South Korea.");
    assertEquals(List.of("Park"), park.stream().map(Mention::getPersonName).distinct().toList());
    // a name must follow the cue: "surname" alone names nobody
    List<Mention> none = countable("2019-08-02", "A North Korean soldier with a common surname defected across the "
        + "border on Friday.");
    assertEquals(1, none.size());
    assertNull(none.get(0).getPersonName());
  }

  @Test
  void resolutionMergesVariantsButNotRelatives() {
    List<Mention> ms = countable("2013-02-10",
        "Syrian Brigadier General Walid Kamal Mansour defected to Turkey on Saturday.\n\n"
            + "His nephew, Lieutenant Kamal Mansour, also defected to Turkey.\n\n"
            + "General Walid Mansour said he left because of the shelling.");
    List<DefectionRecord> rs = MentionResolver.resolve(ms);
    assertEquals(2, rs.size(), rs.toString());
    DefectionRecord general = rs.stream().filter(r -> "Brigadier General".equals(r.getRank())).findFirst()
        .orElseThrow();
    assertEquals("Walid Kamal Mansour", general.getPersonName());
    DefectionRecord nephew = rs.stream().filter(r -> "Lieutenant".equals(r.getRank())).findFirst().orElseThrow();
    assertEquals("Kamal Mansour", nephew.getPersonName());
    assertNull(nephew.getAliases().isEmpty() ? null : nephew.getAliases());
  }

  @Test
  void aStatedMonthWinsOverTheMonthOfPublicationAndAnotherEventsDateIsNotTheDefections() {
    // the headline's present tense dates its mention to the month of publication; the body states the month
    List<DefectionRecord> rs = MentionResolver.resolve(countable("2011-05-03", "Gabonese navy captain flees to "
        + "Cameroon\n\nA Gabonese navy captain, Paul Obame, fled to Cameroon last month, his family said."));
    assertEquals(1, rs.size(), rs.toString());
    assertEquals("2011-04", rs.get(0).getEventMonth());
    // "elected in March" dates the election: the defection is the news of the month of publication
    List<Mention> ms = countable("2016-06-14", "A Burundian lawmaker elected in March has fled to Rwanda, "
        + "officials said.");
    assertEquals(1, ms.size(), ms.toString());
    assertEquals("2016-06", ms.get(0).getEventMonth());
  }

  @Test
  void aNegationInsideAnotherTriggersPhraseDoesNotNegateTheNext() {
    // "not" belongs to "have not returned"; "are seeking asylum", coordinated after it, is asserted
    List<Mention> ms = mentions("2021-06-15", "Four Eritrean cyclists have not returned home and are seeking asylum "
        + "in Rwanda.");
    assertEquals(2, ms.size(), ms.toString());
    for (Mention m : ms) {
      assertEquals("ASSERTED", m.getFactuality(), m.toString());
    }
    // a negation before the first trigger still governs it
    assertEquals("NEGATED", mentions("2021-06-15", "The Eritrean cyclist did not defect to Rwanda.").get(0)
        .getFactuality());
  }

  @Test
  void lastWeekResolvesAgainstThePublicationDate() {
    List<Mention> ms = countable("2018-05-20", "A Laotian police captain fled to Thailand last week.");
    assertEquals(1, ms.size());
    assertEquals("2018-05", ms.get(0).getEventMonth());
    assertEquals("MONTH", ms.get(0).getDatePrecision());
  }

  @Test
  void anUnnamedDefectorIsNamedByALaterApposition() {
    List<Mention> ms = countable("2019-03-18", "A Sudanese air force pilot defected to Chad on Sunday.\n\n"
        + "The pilot, Maj. Idris Kamal Osman, told reporters that he had refused orders.");
    assertEquals(1, ms.size());
    assertEquals("Idris Kamal Osman", ms.get(0).getPersonName());
    assertEquals("Major", ms.get(0).getRank());
    assertEquals("SDN", ms.get(0).getOriginCountry());
    assertEquals("TCD", ms.get(0).getDestinationCountry());
  }

  @Test
  void aLaterCopulaGivesTheRankAndTheDepartureYear() {
    List<Mention> ms = countable("2020-02-02", "An Iranian intelligence agent has defected to Germany.\n\n"
        + "Officials in Berlin said he was a senior colonel in the Quds Force and left in 2018.");
    assertEquals(1, ms.size());
    assertEquals("Senior Colonel", ms.get(0).getRank());
    assertEquals(Integer.valueOf(2018), ms.get(0).getEventYear());
  }

  @Test
  void theSubjectIsTheCommaSegmentNextToTheVerbNotABystander() {
    List<Mention> ms = countable("2012-07-01", "As troops shelled towns loyal to Syrian leader Bashar Hamdan, "
        + "three Syrian captains defected to Turkey on Friday.");
    assertEquals(1, ms.size());
    assertNull(ms.get(0).getPersonName());
    assertEquals("Captain", ms.get(0).getRank());
    assertEquals(Integer.valueOf(3), ms.get(0).getGroupSize());
  }

  @Test
  void aRelativeClauseDefectorAndAnAsylumObject() {
    List<Mention> who = countable("2019-03-20",
        "Chad has granted asylum to Major Idris Osman, the Sudanese pilot who defected on Sunday.");
    assertTrue(who.stream().allMatch(m -> "Idris Osman".equals(m.getPersonName())), who.toString());
    assertTrue(who.stream().anyMatch(m -> "SDN".equals(m.getOriginCountry())), who.toString());
  }

  @Test
  void aDenialInALaterSentenceByNameKeepsTheReportOut() {
    List<Mention> ms = mentions("2016-11-09", "A newspaper in Seoul said that North Korean Major General "
        + "Ri Chol-ho had escaped to China.\n\nState media called it sheer nonsense and said Ri was inspecting a farm.");
    assertTrue(ms.stream().noneMatch(Mention::countable), ms.toString());
    assertTrue(ms.stream().anyMatch(m -> "DENIED".equals(m.getFactuality())), ms.toString());
  }

  @Test
  void aDenialOfAnothersDefectionLeavesTheSpeakersOwn() {
    // the denial tells whose defection it denies (the vice-president's); the speaker named beside it is not denied
    List<Mention> ms = countable("2013-08-26", "The remarks by former Syrian trade minister Omar Khalil came after "
        + "the government denied opposition claims that its vice-president had defected. Khalil defected in May, one "
        + "of a string of defections.");
    assertEquals(1, ms.size(), ms.toString());
    assertEquals("Omar Khalil", ms.get(0).getPersonName());
    assertEquals("2013-05", ms.get(0).getEventMonth());
    // a denial that tells the person's own defection denies the person's later mentions
    List<Mention> own = mentions("2003-03-21", "Deputy Prime Minister Karim Aziz met reporters on Thursday, denying "
        + "reports he had defected. Kurdish groups had said that Aziz defected earlier in the day.");
    assertTrue(own.stream().noneMatch(Mention::countable), own.toString());
  }

  @Test
  void rulersFleeingAndResignationsAtHomeAreNotDefections() {
    assertTrue(countable("1990-01-01", "President Alvaro Montes fled Paraguay after the coup.").isEmpty());
    assertTrue(countable("2011-02-21", "The Libyan health minister resigned on Monday.").isEmpty());
    List<Mention> diplomat = countable("2011-02-21", "A senior Libyan diplomat in Tokyo resigned on Monday.");
    assertEquals(1, diplomat.size());
    assertEquals("DIPLOMAT", diplomat.get(0).getRankClass());
  }

  @Test
  void aPassageAboutPartySwitchesKeepsItsOtherMentionsOut() {
    assertTrue(countable("2024-05-01", "Two Labour councillors defected to the Greens on Monday.\n\n"
        + "The move came after former minister Paul Carden defected on Thursday.").isEmpty());
  }

  @Test
  void namedMembersOfAGroup() {
    List<Mention> ms = countable("2022-09-10", "Hundreds of Russian soldiers have switched sides to join Ukraine.\n\n"
        + "The soldiers, including Lieutenant Pavel Orlov, spoke to reporters in Kyiv.");
    assertEquals(1, ms.size(), ms.toString());
    assertEquals("Pavel Orlov", ms.get(0).getPersonName());
    assertEquals("Lieutenant", ms.get(0).getRank());
    assertEquals("UKR", ms.get(0).getDestinationCountry());
  }

  @Test
  void undatedNewsOfADefectionIsDatedToThePublicationMonthButBackgroundIsNot() {
    Mention news = countable("2015-03-18", "A Gambian army captain fled to Senegal with his family and asked for "
        + "asylum.").get(0);
    assertEquals("2015-03", news.getEventMonth());
    assertEquals("MONTH", news.getDatePrecision());
    List<Mention> background = countable("2015-03-18", "Lamin Jatta, a Gambian army captain who defected to "
        + "Senegal, gave a speech in Dakar.");
    assertEquals(1, background.size(), background.toString());
    assertEquals("NONE", background.get(0).getDatePrecision(), "a relative clause recalls an older event");
    Mention earlier = countable("2015-03-18", "The Gambian captain had defected to Senegal years ago.").get(0);
    assertEquals("NONE", earlier.getDatePrecision());
    Mention undatedArticle = countable(null, "A Gambian army captain fled to Senegal and asked for asylum.").get(0);
    assertEquals("NONE", undatedArticle.getDatePrecision(), "no publication date, no default");
  }

  @Test
  void aDiplomatsPostingBelongsToTheTitleBeforeTheName() {
    Mention m = countable("2011-02-21", "MADRID - The Gambian ambassador to Spain Lamin Jatta has resigned in "
        + "protest.").get(0);
    assertEquals("Lamin Jatta", m.getPersonName());
    assertEquals("Ambassador", m.getRank());
    assertEquals("GMB", m.getOriginCountry(), "the dateline city is not the origin");
    assertNull(m.getDestinationCountry(), "a posting is not a destination");
  }

  @Test
  void reportedSpeechAndWithdrawnSupport() {
    List<Mention> ms = countable("2011-02-21", "The Gambian ambassador in Dakar said he could no longer support "
        + "the regime.");
    assertEquals(1, ms.size(), ms.toString());
    assertEquals("Ambassador", ms.get(0).getRank());
    assertEquals("GMB", ms.get(0).getOriginCountry());
    assertEquals("ASSERTED", ms.get(0).getFactuality(), "'could no longer' is past inability, not a hypothetical");
    assertTrue(countable("2011-02-21", "The Gambian farmer said he could no longer support his family.").isEmpty(),
        "withdrawing support counts only for a diplomat");
    Mention pilot = countable("2011-02-21", "Officials told reporters that a Gambian pilot defected to Senegal.")
        .get(0);
    assertEquals("Pilot", pilot.getRank());
    assertEquals("SEN", pilot.getDestinationCountry());
  }

  @Test
  void aPronounRefersToTheNameThatARankPhraseDescribes() {
    List<Mention> ms = countable("2005-03-01", "Pavel Orlov, a senior KGB officer who later wrote two books, said he "
        + "had been treated well since he defected in 1983.");
    assertEquals(1, ms.size(), ms.toString());
    assertEquals("Pavel Orlov", ms.get(0).getPersonName());
    assertEquals("SUN", ms.get(0).getOriginCountry());
    assertEquals(1983, ms.get(0).getEventYear());
  }

  @Test
  void theAgentOfAPassiveIsNoOrigin() {
    List<Mention> ms = countable(null, "Ri Myong-su, a North Korean general, took asylum in South Korea in 2001.\n\n"
        + "His defection was praised by many South Koreans.");
    assertTrue(ms.size() >= 1, ms.toString());
    for (Mention m : ms) {
      assertEquals("PRK", m.getOriginCountry(), m.toString());
    }
  }
}
