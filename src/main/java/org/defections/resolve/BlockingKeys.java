package org.defections.resolve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.defections.extract.Mention;
import org.defections.extract.Names;

/**
 * The blocks a cluster of one report is compared in across reports: only clusters that share a key are compared
 * ({@link ClusterMatcher}), never all clusters of an origin. Keys start with the cluster's origin.
 *
 * <ul>
 *   <li>{@code N|origin|last|first}: a full name, each token by its {@link #phonetic} key ("Omar"/"Umar",
 *       "Hamada"/"Hammadeh", "al-Fares"/"al Fares");
 *   <li>{@code S|origin|last}: every name by its last token, for a one-word name ("Hijab") against full names;
 *   <li>{@code P|origin|post}: a diplomat's post ("the ambassador to India" is the person another report names);
 *   <li>{@code D|origin|class|day}: an unnamed group dated to the day, by rank class;
 *   <li>{@code M|origin|class|destination|month}: an unnamed group with a destination, by month.
 * </ul>
 */
final class BlockingKeys {
  private BlockingKeys() {}

  static List<String> of(List<Mention> cluster) {
    Set<String> keys = new LinkedHashSet<>();
    String origin = cluster.get(0).getOriginCountry();
    boolean named = false;
    for (Mention m : cluster) {
      if (m.getPersonName() != null) {
        named = true;
        List<String> t = Names.tokens(m.getPersonName());
        if (!t.isEmpty()) {
          String last = phonetic(t.get(t.size() - 1));
          if (t.size() >= 2) {
            keys.add("N|" + origin + "|" + last + "|" + phonetic(t.get(0)));
          }
          keys.add("S|" + origin + "|" + last);
        }
      }
      if (m.getPosting() != null) {
        keys.add("P|" + origin + "|" + m.getPosting());
      }
    }
    if (!named) {
      Mention m = cluster.get(0);
      if ("DAY".equals(m.getDatePrecision()) && m.getEventDate() != null) {
        keys.add("D|" + origin + "|" + m.getRankClass() + "|" + m.getEventDate());
      }
      if (m.getDestinationCountry() != null && m.getEventMonth() != null) {
        keys.add("M|" + origin + "|" + m.getRankClass() + "|" + m.getDestinationCountry() + "|" + m.getEventMonth());
      }
    }
    return new ArrayList<>(keys);
  }

  /** The kind of a key: N, S, P, D or M. */
  static char kind(String key) {
    return key.charAt(0);
  }

  /** {@link Names#phoneticKey}. */
  static String phonetic(String token) {
    return Names.phoneticKey(token);
  }
}
