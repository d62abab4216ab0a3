package org.defections.candidates;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Aho-Corasick automaton over whole phrases: one pass over a text finds every occurrence of any phrase,
 * case-insensitively, with any run of white space matching one space and a word boundary (a character that is not a
 * letter or digit, or the text's edge) on both sides; the same phrases the token matchers of the annotation pipeline
 * look for. The automaton is a dense table over the phrases' alphabet (other characters lead back to the root, a
 * run of white space stays in the state its first space led to), so the scan costs one array lookup per character
 * and allocates nothing but the hits. {@link #count} and {@link #any}, which need no order, run two such scans in one
 * loop over the two halves of a text (see {@link #scanSplit}). Plain Java, immutable, serializable.
 */
public final class PhraseAutomaton implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One occurrence: [begin, end) in the scanned text and the phrase's index in the constructor's list. */
  public record Hit(int begin, int end, int phrase) {}

  /** Receives hits as they are found; returns false to end the scan there. */
  public interface Sink {
    boolean hit(int begin, int end, int phrase);
  }

  /** char → symbol class of its lower case (0: in no phrase); white space → the class of ' '. */
  private final char[] fold;
  /** The class of ' ' (0 when no phrase has a space): a run of white space reads as one. */
  private final char space;
  /** Number of symbol classes: a state is stored as its row offset, {@code index * classes}. */
  private final int classes;
  /** Row offset x class → row offset of the next state (failure links folded in); rows with outputs come last. */
  private final int[] next;
  /** Row offsets from here on have outputs: the scan's only test per character. */
  private final int firstOutput;
  private final int[][] outputs; // state index -> phrases ending here (its own and those of its suffix states)
  private final int[] lengths; // phrase -> length in normalised characters
  private final int longest;

  /** Builds the automaton over {@code phrases} (normalised: lower case, single spaces, trimmed; blanks ignored). */
  public PhraseAutomaton(Collection<String> phrases) {
    List<String> ps = new ArrayList<>();
    for (String p : phrases) {
      ps.add(normalise(p));
    }
    char[] classOf = new char[Character.MAX_VALUE + 1];
    int classes = 1;
    for (String p : ps) {
      for (char ch : p.toCharArray()) {
        if (classOf[ch] == 0) {
          classOf[ch] = (char) classes++;
        }
      }
    }
    this.classes = classes;
    space = classOf[' '];
    fold = new char[Character.MAX_VALUE + 1];
    for (int ch = 0; ch <= Character.MAX_VALUE; ch++) {
      fold[ch] = isSpace((char) ch) ? space : classOf[Character.toLowerCase((char) ch)];
    }
    // trie
    List<int[]> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    // trie state -> the symbol class of the edge into it (0 for the root)
    StringBuilder entered = new StringBuilder().append((char) 0);
    trie.add(new int[classes]);
    out.add(new ArrayList<>());
    lengths = new int[ps.size()];
    int max = 0;
    for (int i = 0; i < ps.size(); i++) {
      String p = ps.get(i);
      lengths[i] = p.length();
      max = Math.max(max, p.length());
      if (p.isEmpty()) {
        continue;
      }
      int s = 0;
      for (char ch : p.toCharArray()) {
        int c = classOf[ch];
        if (trie.get(s)[c] == 0) {
          trie.add(new int[classes]);
          out.add(new ArrayList<>());
          entered.append((char) c);
          trie.get(s)[c] = trie.size() - 1;
        }
        s = trie.get(s)[c];
      }
      out.get(s).add(i);
    }
    longest = max;
    char[] enteredBy = entered.toString().toCharArray();
    // breadth-first: failure links folded into a complete transition table
    int[] fail = new int[trie.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int c = 1; c < classes; c++) {
      int t = trie.get(0)[c];
      if (t != 0) {
        queue.add(t);
      }
    }
    while (!queue.isEmpty()) {
      int s = queue.poll();
      out.get(s).addAll(out.get(fail[s]));
      for (int c = 1; c < classes; c++) {
        int t = trie.get(s)[c];
        if (t != 0) {
          fail[t] = trie.get(fail[s])[c];
          queue.add(t);
        } else {
          trie.get(s)[c] = trie.get(fail[s])[c];
        }
      }
    }
    // states without outputs first, so that one comparison tells a state with outputs
    int states = trie.size();
    int[] order = new int[states]; // new index -> old index
    int[] index = new int[states]; // old index -> new index
    int k = 0;
    int withoutOutputs = 0;
    for (int pass = 0; pass < 2; pass++) {
      for (int s = 0; s < states; s++) {
        if (out.get(s).isEmpty() == (pass == 0)) {
          index[s] = k;
          order[k++] = s;
        }
      }
      if (pass == 0) {
        withoutOutputs = k;
      }
    }
    firstOutput = withoutOutputs * classes;
    next = new int[states * classes];
    outputs = new int[states][];
    for (int n = 0; n < states; n++) {
      int[] row = trie.get(order[n]);
      for (int c = 0; c < classes; c++) {
        next[n * classes + c] = index[row[c]] * classes;
      }
      outputs[n] = out.get(order[n]).stream().mapToInt(Integer::intValue).toArray();
    }
    // a run of white space reads as one space: a state entered by a space (or the root, where a space leads when it
    // continues no phrase) stays where it is on the next one. No phrase begins or ends with a space, so no such
    // state has outputs.
    if (space != 0) {
      for (int s = 0; s < states; s++) {
        if (s == 0 || enteredBy[s] == space) {
          next[index[s] * classes + space] = index[s] * classes;
        }
      }
    }
  }

  /** The white space of the phrases' normal form: any run of it matches one space. */
  private static boolean isSpace(char ch) {
    return Character.isWhitespace(ch) || Character.isSpaceChar(ch);
  }

  /** Lower case, white space runs as one space, trimmed: the form phrases and texts are compared in. */
  public static String normalise(String phrase) {
    return phrase.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Every occurrence in {@code text}, in order of their ends. */
  public List<Hit> find(String text) {
    List<Hit> hits = new ArrayList<>();
    scan(text, (b, e, p) -> hits.add(new Hit(b, e, p)));
    return hits;
  }

  /** Number of occurrences in {@code text}. */
  public int count(String text) {
    int[] n = {0};
    scanSplit(text, split(text), (b, e, p) -> {
      n[0]++;
      return true;
    });
    return n[0];
  }

  /** True when {@code text} holds at least one phrase. */
  public boolean any(String text) {
    boolean[] found = {false};
    scanSplit(text, split(text), (b, e, p) -> {
      found[0] = true;
      return false;
    });
    return found[0];
  }

  /** Begin of the first occurrence (by end), or -1; the scan stops there. */
  public int first(String text) {
    int[] first = {-1};
    scan(text, (b, e, p) -> {
      first[0] = b;
      return false;
    });
    return first[0];
  }

  /** One pass over the text, reporting each occurrence to the sink, in order of their ends, until it asks to stop. */
  public void scan(String text, Sink sink) {
    scan(text, 0, text.length(), 0, 0, sink);
  }

  /** Texts shorter than this are scanned as one stream by {@link #count} and {@link #any}. */
  private static final int SPLIT_MIN = 128;

  /**
   * Where {@link #scanSplit} splits a text: the middle, moved on by half of what the second stream reads again before
   * it ({@link #restart}), so that the two streams read about as much.
   */
  private int split(String text) {
    int n = text.length();
    return n < SPLIT_MIN ? n : Math.min(n, (n + longest + 1) / 2);
  }

  /**
   * Every occurrence in {@code text}, reported to the sink until it asks to stop, in no set order: the occurrences
   * ending before {@code mid} from one stream over {@code [0, mid)}, the others from a second stream, run in the same
   * loop, over the rest. A table scan is bound by the latency of one lookup after another; two independent streams
   * overlap theirs. The second stream starts far enough before {@code mid} ({@link #restart}) to be in the state the
   * whole scan would be in there.
   */
  void scanSplit(String text, int mid, Sink sink) {
    final int[] next = this.next;
    final char[] fold = this.fold;
    final int firstOutput = this.firstOutput;
    int n = text.length();
    int from = mid < n ? restart(text, mid) : n;
    int a = 0;
    int b = 0;
    int both = Math.min(mid, n - from);
    for (int k = 0; k < both; k++) {
      while (k < both) {
        a = next[a + fold[text.charAt(k)]];
        b = next[b + fold[text.charAt(from + k)]];
        if (a >= firstOutput || b >= firstOutput) {
          break;
        }
        k++;
      }
      if (k == both) {
        break;
      }
      if (a >= firstOutput && !report(text, k, a, sink)) {
        return;
      }
      if (b >= firstOutput && from + k >= mid && !report(text, from + k, b, sink)) {
        return;
      }
    }
    // what one stream has left
    if (scan(text, both, mid, a, 0, sink)) {
      scan(text, from + both, n, b, mid, sink);
    }
  }

  /**
   * The scan of {@code text[from, to)} from {@code state}, reporting the occurrences that end at or after {@code
   * reportFrom}; false when the sink asked to stop.
   */
  private boolean scan(String text, int from, int to, int state, int reportFrom, Sink sink) {
    final int[] next = this.next;
    final char[] fold = this.fold;
    final int firstOutput = this.firstOutput;
    for (int i = from; i < to; i++) {
      while (i < to && (state = next[state + fold[text.charAt(i)]]) < firstOutput) {
        i++;
      }
      if (i < to && i >= reportFrom && !report(text, i, state, sink)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a scan must start to be, at {@code mid}, in the state a scan from the text's start is in: {@code longest}
   * + 1 symbols before it (a run of white space is one), since a state stands for at most the last {@code longest}
   * symbols read.
   */
  private int restart(String text, int mid) {
    int j = mid;
    for (int symbols = 0; j > 0 && symbols <= longest; symbols++) {
      j--;
      if (space != 0 && fold[text.charAt(j)] == space) {
        while (j > 0 && fold[text.charAt(j - 1)] == space) {
          j--;
        }
      }
    }
    return j;
  }

  /**
   * The occurrences ending at {@code i}, where the scan reached {@code state} (one with outputs), to the sink: those
   * with a word boundary on both sides. False when the sink asks to stop.
   */
  private boolean report(String text, int i, int state, Sink sink) {
    if (i + 1 < text.length() && Character.isLetterOrDigit(text.charAt(i + 1))) {
      return true; // no boundary after
    }
    for (int p : outputs[state / classes]) {
      int begin = begin(text, i, lengths[p]);
      if (begin > 0 && Character.isLetterOrDigit(text.charAt(begin - 1))) {
        continue; // no boundary before
      }
      if (!sink.hit(begin, i + 1, p)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Where a phrase of {@code length} normalised characters that ends at {@code last} begins in the text: each run of
   * white space counts as one character (phrases neither begin nor end with one).
   */
  private static int begin(String text, int last, int length) {
    int j = last;
    for (int rem = length - 1; rem > 0; rem--) {
      j--;
      if (isSpace(text.charAt(j))) {
        while (j > 0 && isSpace(text.charAt(j - 1))) {
          j--;
        }
      }
    }
    return j;
  }

  @Override
  public String toString() {
    return "PhraseAutomaton[" + outputs.length + " states, " + lengths.length + " phrases, longest "
        + longest + ", " + Arrays.stream(lengths).sum() + " characters]";
  }
}
