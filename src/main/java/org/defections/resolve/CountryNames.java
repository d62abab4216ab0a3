package org.defections.resolve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * English short names of the states in the records' ISO alpha-3 codes (historical ones too: SUN is the Soviet
 * Union): the first {@code NAME} of each code in the bundled {@code lexicons/countries.tsv}, a list written for
 * reading place names, whose first name of a state is its usual short name. A code without a name gives null.
 */
public final class CountryNames {
  private static final Map<String, String> NAMES = load();

  private CountryNames() {}

  public static String of(String code) {
    return code == null ? null : NAMES.get(code);
  }

  private static Map<String, String> load() {
    Map<String, String> m = new HashMap<>();
    try (InputStream in = CountryNames.class.getResourceAsStream("/lexicons/countries.tsv")) {
      if (in == null) {
        throw new IllegalStateException("lexicons/countries.tsv is not on the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t");
        if (!line.startsWith("#") && f.length >= 3 && f[2].equals("NAME")) {
          m.putIfAbsent(f[1], f[0]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read lexicons/countries.tsv", e);
    }
    return Map.copyOf(m);
  }
}
