package org.defections.extract.pattern;

import java.util.List;

/**
 * Resolves the primitives a pattern names inside brackets to tests over a document: {@code name} or
 * {@code name=VALUE,VALUE}. The document model supplies it, so that the pattern language knows nothing of ranks or
 * places.
 *
 * @param <D> the document type
 */
public interface PrimitiveResolver<D> {
  /**
   * The primitive for a name and its values (empty when the bracket gives none).
   *
   * @throws PatternException when the name is unknown or its values are not allowed
   */
  Primitive<D> resolve(String name, List<String> values);
}
