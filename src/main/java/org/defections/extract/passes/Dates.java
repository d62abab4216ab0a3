package org.defections.extract.passes;

import org.defections.extract.DateResolver;
import org.defections.extract.text.Chunks;
import org.defections.extract.text.Document;
import org.defections.extract.text.TokenRange;

/**
 * When a trigger's event was: the date expression of its sentence nearest the trigger, except a date that frames the
 * report ("a newspaper reported on Saturday"); with none, news told in the present perfect ("has defected"), in a
 * main clause's simple past ("the pilot defected and asked for asylum") or in a reported past perfect ("officials
 * said two soldiers had defected") is dated to the month of publication: it reports the days before it.
 */
final class Dates {
  /** Tokens before a trigger in which "had" or an earlier-cue makes a past a retrospective one. */
  private static final int TENSE_WINDOW = 6;
  /** Tokens after a trigger in which "ago" dates it before the report. */
  private static final int AGO_WINDOW = 4;
  /** Tokens after a trigger in which "before", "earlier" make a reported past perfect a retrospective one. */
  private static final int EARLIER_WINDOW = 6;
  /** Tokens an auxiliary may stand before its trigger, adverbs between ("has also reportedly defected"). */
  private static final int AUXILIARY_WINDOW = 3;

  private Dates() {}

  /** The date nearest to tokens [tb, te) in a sentence, resolved against the reference date. */
  static DateResolver.Resolved nearest(Extraction x, int tb, int te, TokenRange sentence) {
    Document d = x.doc;
    int best = -1;
    int bestDist = Integer.MAX_VALUE;
    for (int i = sentence.begin(); i < sentence.end(); i++) {
      Chunks.Date date = d.date(i);
      if (date == null || date.range().begin() != i) {
        continue;
      }
      int dist = i < tb ? tb - i : i - te;
      if (i > te && i - 2 >= sentence.begin() && x.is(i - 1, Words.REPORTING_FRAME_LINK)
          && x.is(i - 2, Words.REPORTING_FRAME)) {
        continue; // "reported on Saturday": the report's date
      }
      if (otherEvent(x, i, sentence)) {
        continue; // "elected in May", "born in 1961": the date of another event of the person
      }
      if (dist < bestDist) {
        bestDist = dist;
        best = i;
      }
    }
    return best < 0 ? DateResolver.Resolved.NONE : DateResolver.resolve(d.date(best).value(), d.source().referenceDate());
  }

  /** Whether the date at token {@code i} follows a participle of another event, with or without a preposition. */
  private static boolean otherEvent(Extraction x, int i, TokenRange sentence) {
    int j = i - 1;
    if (j >= sentence.begin() && x.is(j, Words.PREPOSITION)) {
      j--;
    }
    return j >= sentence.begin() && x.is(j, Words.OTHER_EVENT);
  }

  /** Whether a trigger with no date of its own reports news of the days before publication. */
  static boolean news(Extraction x, Chunks.Trigger t, TokenRange sentence) {
    int tb = t.range().begin();
    if (tb - 1 < sentence.begin()) {
      return false;
    }
    return perfect(x, tb, sentence.begin()) || (x.param("NEWS_PAST") > 0 && newsPast(x, t, sentence))
        || reportedPerfect(x, t, sentence);
  }

  /** "has (also) defected": the present perfect. */
  static boolean perfect(Extraction x, int tb, int ss) {
    return auxiliaryBefore(x, tb, ss, Words.PERFECT_AUX, Words.PERFECT_ADVERB) >= 0;
  }

  /**
   * A verb trigger in the simple past or present of a main clause ("defected", "fled"), not a past perfect ("had
   * defected") nor a relative clause ("X, who defected to the South, ..."), which in news recall older events.
   */
  private static boolean newsPast(Extraction x, Chunks.Trigger t, TokenRange sentence) {
    if (!t.kind().verbal()) {
      return false;
    }
    int tb = t.range().begin();
    if (listEntry(x, tb, sentence)) {
      return false;
    }
    for (int i = tb - 1; i >= Math.max(sentence.begin(), tb - TENSE_WINDOW); i--) {
      if (x.is(i, Words.PAST_PERFECT_AUX) || x.is(i, Words.EARLIER)) {
        return false;
      }
      if (",".equals(x.doc.key(i)) || x.is(i, Words.CLAUSE_PUNCT)) {
        break;
      }
    }
    for (int i = t.range().end(); i < Math.min(t.range().end() + AGO_WINDOW, x.doc.size()); i++) {
      if ("ago".equals(x.doc.key(i))) {
        return false;
      }
    }
    return true;
  }

  /** An entry of a list of people, "NAME, LABEL: Defected ...": it recalls a past event, it is no news. */
  private static boolean listEntry(Extraction x, int tb, TokenRange sentence) {
    Chunks.Name name = x.doc.nameStarting(sentence.begin());
    if (name == null || name.range().end() >= tb || !",".equals(x.doc.key(name.range().end()))) {
      return false;
    }
    for (int i = name.range().end() + 1; i < tb; i++) {
      if (":".equals(x.doc.key(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * A present perfect backshifted in reported speech: "there were reports that an officer had joined the rebels".
   * The past perfect must follow a reporting word of the sentence, with nothing that places the event earlier.
   */
  private static boolean reportedPerfect(Extraction x, Chunks.Trigger t, TokenRange sentence) {
    if (!t.kind().verbal()) {
      return false;
    }
    int tb = t.range().begin();
    int had = auxiliaryBefore(x, tb, sentence.begin(), Words.PAST_PERFECT_AUX, Words.PAST_PERFECT_ADVERB);
    if (had < 0) {
      return false;
    }
    boolean reported = false;
    for (int i = sentence.begin(); i < had; i++) {
      if (x.is(i, Words.EARLIER)) {
        return false;
      }
      reported |= x.is(i, Words.REPORTING) || x.is(i, Words.REPORT_NOUN);
    }
    for (int i = t.range().end(); i < Math.min(t.range().end() + EARLIER_WINDOW, sentence.end()); i++) {
      if (x.is(i, Words.EARLIER_AFTER)) {
        return false;
      }
    }
    return reported;
  }

  /**
   * The token of an auxiliary of class {@code auxiliaries} at most three tokens before the trigger, with only "-ly"
   * words and adverbs of class {@code adverbs} between, or -1.
   */
  private static int auxiliaryBefore(Extraction x, int tb, int ss, String auxiliaries, String adverbs) {
    for (int i = tb - 1; i >= Math.max(ss, tb - AUXILIARY_WINDOW); i--) {
      if (x.is(i, auxiliaries)) {
        return i;
      }
      if (!(x.doc.key(i).endsWith("ly") || x.is(i, adverbs))) {
        return -1;
      }
    }
    return -1;
  }

}
