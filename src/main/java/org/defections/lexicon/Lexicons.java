package org.defections.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The job's lexicons: ranks and titles, NATO codes, places, triggers, factuality cues, sense cues, numbers and
 * boilerplate patterns. Each is a tab-separated data file (see {@code src/main/resources/lexicons}); the set is read
 * from the classpath, or from a directory given by the {@code lexicons.dir} configuration key, where each file
 * present replaces the bundled one.
 *
 * <p>Immutable once loaded and serializable, so that one instance can be broadcast to the executors.
 */
public final class Lexicons implements Serializable {
  private static final long serialVersionUID = 1L;

  /** File names, relative to the lexicon directory or the {@code lexicons/} classpath folder. */
  public static final String RANKS = "ranks.tsv";
  public static final String NATO = "nato_codes.tsv";
  public static final String PLACES = "countries.tsv";
  public static final String TRIGGERS = "triggers.tsv";
  public static final String FACTUALITY = "factuality.tsv";
  public static final String SENSE = "sense.tsv";
  public static final String NUMBERS = "numbers.tsv";
  public static final String BOILERPLATE = "boilerplate.tsv";
  public static final String WORDS = "words.tsv";
  public static final String LANGUAGES = "languages.tsv";
  public static final String ES_TRIGGERS = "es_triggers.tsv";
  public static final String ES_RANKS = "es_ranks.tsv";
  public static final String ES_PLACES = "es_places.tsv";
  public static final String ES_WORDS = "es_words.tsv";
  public static final String ES_FACTUALITY = "es_factuality.tsv";
  public static final String ES_SENSE = "es_sense.tsv";
  public static final String HISTORICAL_STATES = "historical_states.tsv";
  public static final List<String> ALL =
      List.of(RANKS, NATO, PLACES, TRIGGERS, FACTUALITY, SENSE, NUMBERS, BOILERPLATE, WORDS, LANGUAGES, ES_TRIGGERS,
          ES_RANKS, ES_PLACES, ES_WORDS, ES_FACTUALITY, ES_SENSE, HISTORICAL_STATES);
  /**
   * The rule files of each extracted language, in the order they are read ({@code rules/<language>/<file>}): word
   * classes and parameters, macros, then the rules by stage. A language may lack some.
   */
  public static final List<String> RULE_FILES = List.of("words.rules", "macros.rules", "triggers.rules",
      "senses.rules", "defectors.rules", "phrases.rules", "places.rules", "discourse.rules");
  /** The languages whose articles are annotated and extracted (ISO 639-1). */
  public static final List<String> EXTRACTED_LANGUAGES = List.of("en", "es");

  private final Map<String, RankEntry> ranks = new HashMap<>();
  private final Map<String, String> nato = new HashMap<>();
  private HistoricalStates historical;
  private final Map<String, List<PlaceEntry>> places = new HashMap<>();
  private final Map<String, TriggerEntry> triggers = new LinkedHashMap<>();
  private final List<Cue> factuality = new ArrayList<>();
  private final List<Cue> sense = new ArrayList<>();
  private final Map<String, Integer> numbers = new HashMap<>();
  private final List<Pattern> boilerplate = new ArrayList<>();
  private final Map<String, String> words = new HashMap<>();
  private final Map<String, String> rawFiles = new LinkedHashMap<>();
  private final Map<String, String> languages = new HashMap<>();
  private final Map<String, TriggerEntry> esTriggers = new LinkedHashMap<>();
  private final Map<String, LanguageLexicon> byLanguage = new HashMap<>();
  /** Rule file texts by language, then file name, in {@link #RULE_FILES} order. */
  private final Map<String, Map<String, String>> ruleFiles = new HashMap<>();
  /**
   * Structures built from the lexicons ({@link #derived}), by key; not serialized: a broadcast copy builds its own,
   * once per executor.
   */
  private transient volatile java.util.concurrent.ConcurrentHashMap<String, Object> derived;

  private Lexicons() {}

  /**
   * What {@code build} makes of these lexicons (an automaton, a lookup table: immutable, safe to share between
   * threads), built on first use and then shared: the tasks of an executor reading one broadcast instance build it
   * once, not once per partition.
   */
  public <T> T derived(String key, Class<T> type, java.util.function.Function<Lexicons, T> build) {
    java.util.concurrent.ConcurrentHashMap<String, Object> d = derived;
    if (d == null) {
      synchronized (this) {
        if (derived == null) {
          derived = new java.util.concurrent.ConcurrentHashMap<>();
        }
        d = derived;
      }
    }
    return type.cast(d.computeIfAbsent(key, k -> build.apply(this)));
  }

  /** Loads the bundled lexicons. */
  public static Lexicons bundled() {
    return load((Path) null);
  }

  /** Loads the lexicons as configured: {@code overrideDir} blank means the bundled ones only (lexicons.dir). */
  public static Lexicons load(String overrideDir) {
    return load(overrideDir.isBlank() ? null : Path.of(overrideDir));
  }

  /**
   * Loads the lexicons; files found in {@code overrideDir} (may be null) replace the bundled ones.
   *
   * @throws IllegalArgumentException when a line is malformed, naming the file and line
   */
  public static Lexicons load(Path overrideDir) {
    Lexicons lx = new Lexicons();
    for (String name : ALL) {
      lx.rawFiles.put(name, read(name, overrideDir));
    }
    for (String language : EXTRACTED_LANGUAGES) {
      Map<String, String> files = new LinkedHashMap<>();
      for (String f : RULE_FILES) {
        String text = readOptional("rules/" + language + "/" + f, overrideDir);
        if (text != null) {
          files.put("rules/" + language + "/" + f, text);
        }
      }
      if (files.isEmpty()) {
        throw new IllegalStateException("no rule files for language " + language + " (rules/" + language + "/)");
      }
      lx.ruleFiles.put(language, files);
    }
    lx.parseAll();
    return lx;
  }

  /** A file of the rule tree from the override directory, else the classpath, or null where neither has it. */
  private static String readOptional(String path, Path overrideDir) {
    try {
      if (overrideDir != null) {
        Path p = overrideDir.resolve(path);
        if (Files.isRegularFile(p)) {
          return Files.readString(p, StandardCharsets.UTF_8);
        }
      }
      try (InputStream in = Lexicons.class.getResourceAsStream("/" + path)) {
        return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read rule file " + path, e);
    }
  }

  /** The rule files of an extracted language: path → text, in reading order. */
  public Map<String, String> ruleFiles(String language) {
    Map<String, String> f = ruleFiles.get(language);
    if (f == null) {
      throw new IllegalArgumentException("no rules for language " + language + "; extracted: " + EXTRACTED_LANGUAGES);
    }
    return Collections.unmodifiableMap(f);
  }

  private static String read(String name, Path overrideDir) {
    try {
      if (overrideDir != null) {
        Path p = overrideDir.resolve(name);
        if (Files.isRegularFile(p)) {
          return Files.readString(p, StandardCharsets.UTF_8);
        }
      }
      try (InputStream in = Lexicons.class.getResourceAsStream("/lexicons/" + name)) {
        if (in == null) {
          throw new IllegalStateException("lexicon " + name + " is missing from the classpath");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicon " + name, e);
    }
  }

  private void parseAll() {
    rows(RANKS, 4).forEach(r -> ranks.put(key(r[0]), new RankEntry(r[1], r[2], Integer.parseInt(r[3]))));
    for (String[] r : rows(NATO, 2)) {
      nato.put(r[0] + "|" + r[1], r.length > 2 ? r[2] : "");
    }
    for (String[] r : rows(PLACES, 3)) {
      places.computeIfAbsent(r[0], k -> new ArrayList<>()).add(new PlaceEntry(r[1], r[2]));
    }
    rows(TRIGGERS, 3).forEach(r -> triggers.put(key(r[0]), new TriggerEntry(r[0], r[1], r[2])));
    rows(FACTUALITY, 3).forEach(r -> factuality.add(new Cue(key(r[0]), r[1], r[2])));
    rows(SENSE, 3).forEach(r -> sense.add(new Cue(key(r[0]), r[1], r[2])));
    rows(NUMBERS, 2).forEach(r -> numbers.put(key(r[0]), Integer.parseInt(r[1])));
    rows(BOILERPLATE, 1).forEach(r -> boilerplate.add(Pattern.compile(r[0])));
    historical = HistoricalStates.of(HISTORICAL_STATES, rows(HISTORICAL_STATES, 4));
    rows(WORDS, 2).forEach(r -> words.put(key(r[0]), r[1]));
    rows(LANGUAGES, 2).forEach(r -> languages.put(key(r[0]), r[1]));
    rows(ES_TRIGGERS, 3).forEach(r -> esTriggers.put(key(r[0]), new TriggerEntry(r[0], r[1], r[2])));
    byLanguage.put("en", LanguageLexicons.english(this::rows, numbers, words));
    byLanguage.put("es", LanguageLexicons.spanish(this::rows));
  }

  /**
   * The lexicons of an extracted language ({@link #EXTRACTED_LANGUAGES}).
   *
   * @throws IllegalArgumentException for any other language
   */
  public LanguageLexicon language(String code) {
    LanguageLexicon l = byLanguage.get(code);
    if (l == null) {
      throw new IllegalArgumentException("no lexicons for language " + code + "; extracted: " + EXTRACTED_LANGUAGES);
    }
    return l;
  }

  List<String[]> rows(String name, int minColumns) {
    List<String[]> out = new ArrayList<>();
    int lineNo = 0;
    for (String line : rawFiles.get(name).split("\n", -1)) {
      lineNo++;
      String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
      if (l.isBlank() || l.startsWith("#")) {
        continue;
      }
      String[] cols = l.split("\t", -1);
      if (cols.length < minColumns || cols[0].isBlank()) {
        throw new IllegalArgumentException(
            "lexicon " + name + " line " + lineNo + ": expected " + minColumns + " tab-separated columns, got: " + l);
      }
      out.add(cols);
    }
    return out;
  }

  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /** Lookup key: lower case, curly apostrophes straightened, spaces collapsed. */
  public static String key(String phrase) {
    return SPACES.matcher(phrase.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'').trim())
        .replaceAll(" ");
  }

  public RankEntry rank(String phrase) {
    return ranks.get(key(phrase));
  }

  /** The code of state {@code iso3} in {@code year} (may be null): a former state's code in its years. */
  public String stateIn(String iso3, Integer year) {
    return historical.stateIn(iso3, year);
  }

  /** NATO code of a canonical rank in the forces of {@code country} (may be null); null when none applies. */
  public String natoCode(String canonicalRank, String country) {
    if (canonicalRank == null) {
      return null;
    }
    String code = country == null ? null : nato.get(canonicalRank + "|" + country);
    if (code == null) {
      code = nato.get(canonicalRank + "|*");
    }
    return code == null || code.isEmpty() ? null : code;
  }

  /** Entries for a place phrase as written (case-sensitive), with a case-insensitive fallback for regime phrases. */
  public List<PlaceEntry> places(String phrase) {
    List<PlaceEntry> e = places.get(phrase.replace('\u2019', '\''));
    return e == null ? Collections.emptyList() : e;
  }

  public TriggerEntry trigger(String phrase) {
    return triggers.get(key(phrase));
  }

  public List<Cue> factualityCues() {
    return Collections.unmodifiableList(factuality);
  }

  public List<Cue> senseCues() {
    return Collections.unmodifiableList(sense);
  }

  /** A number word ("seven", "dozen"), or a hyphenated compound of tens and units ("seventy-one"), else null. */
  public Integer number(String word) {
    return number(numbers, word);
  }

  /**
   * A number word of {@code numbers} (keys as {@link #key} makes them), or a hyphenated compound of its tens and
   * units ("seventy-one"), else null.
   */
  static Integer number(Map<String, Integer> numbers, String word) {
    String k = key(word);
    Integer n = numbers.get(k);
    int dash = k.indexOf('-');
    if (n == null && dash > 0) {
      Integer tens = numbers.get(k.substring(0, dash));
      Integer units = numbers.get(k.substring(dash + 1));
      if (tens != null && units != null && tens >= 20 && tens <= 90 && tens % 10 == 0 && units >= 1 && units <= 9) {
        return tens + units;
      }
    }
    return n;
  }

  public List<Pattern> boilerplate() {
    return Collections.unmodifiableList(boilerplate);
  }

  /** Word class from words.tsv (e.g. MONTH, WEEKDAY, STOP, ORG, PRONOUN, PARTICLE, PEOPLE), or null. */
  public String wordClass(String word) {
    return words.get(key(word));
  }

  /** Phrases of a lexicon file (first column), for the Spark NLP matchers. */
  public List<String> phrases(String name) {
    List<String> out = new ArrayList<>();
    for (String[] r : rows(name, 1)) {
      out.add(r[0]);
    }
    return out;
  }

  public Map<String, TriggerEntry> triggers() {
    return Collections.unmodifiableMap(triggers);
  }

  /** Function words (languages.tsv): word → ISO 639-1 language. */
  public Map<String, String> functionWords() {
    return Collections.unmodifiableMap(languages);
  }

  /** Language of a function word (languages.tsv), or null. */
  public String languageOf(String word) {
    return languages.get(word);
  }

  /** Spanish trigger phrases (es_triggers.tsv), by key. */
  public Map<String, TriggerEntry> esTriggers() {
    return java.util.Collections.unmodifiableMap(esTriggers);
  }



  /** A rank or title: canonical English name, rank class and specificity (higher is more specific). */
  public record RankEntry(String canonical, String rankClass, int specificity) implements Serializable {
    /** The rank class as the type of the record contract. */
    public RankClass type() {
      return RankClass.valueOf(rankClass);
    }
  }

  /** A place phrase naming a state: ISO alpha-3 code and kind (NAME, DEMONYM, CAPITAL, REGIME, CONTEXT:XXX). */
  public record PlaceEntry(String iso3, String kind) implements Serializable {}

  /** A trigger phrase with its kind (VERB, NOUN, AGENT) and strength (STRONG, WEAK). */
  public record TriggerEntry(String phrase, String kind, String strength) implements Serializable {
    public boolean strong() {
      return "STRONG".equals(strength);
    }

    public TriggerKind type() {
      return TriggerKind.valueOf(kind);
    }
  }

  /** A cue phrase with a class and a scope. */
  public record Cue(String phrase, String cls, String scope) implements Serializable {}
}
