package org.defections.resolve;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.functions;
import org.defections.extract.Mention;

/**
 * The resolution stage's Spark side. Input: all mentions. Output: {@link DefectionRecord}s, resolved per origin
 * country by {@link MentionResolver} (mentions of different origins are never one defection).
 */
public final class Resolution {
  private Resolution() {}

  public static Dataset<DefectionRecord> resolve(Dataset<Mention> mentions) {
    Dataset<Mention> countable = mentions.filter(functions.col("keptOutReason").isNull()
        .and(functions.col("factuality").isin("ASSERTED", "REPORTED"))
        .and(functions.col("originCountry").isNotNull()));
    return countable.groupByKey((MapFunction<Mention, String>) Mention::getOriginCountry, Encoders.STRING())
        .flatMapGroups((FlatMapGroupsFunction<String, Mention, DefectionRecord>) (origin, it) -> {
          List<Mention> ms = new ArrayList<>();
          it.forEachRemaining(ms::add);
          return MentionResolver.resolve(ms).iterator();
        }, Encoders.bean(DefectionRecord.class));
  }
}
