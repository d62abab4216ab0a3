package org.defections.extract.rules;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.defections.extract.pattern.PatternException;

/**
 * The actions a rule may name, by stage, with the arguments each takes. An argument is either the name of a group of
 * the rule's pattern (it must exist) or a value (a kind, a sense). Checked when a rule file is read, so that a typo
 * fails the load with its file and line, not a run.
 */
public final class Actions {
  /** An action: its name, the stages it serves, its arguments ({@code group} or {@code value}), optional ones last. */
  public record Spec(String name, Set<Stage> stages, List<String> args, int required, String meaning) {}

  private static final List<Spec> SPECS = List.of(
      new Spec("trigger", EnumSet.of(Stage.TRIGGER), List.of("value", "value"), 2,
          "the group 'trigger' is a trigger of kind arg 1 and strength arg 2"),
      new Spec("sense", EnumSet.of(Stage.SENSE), List.of("value"), 1,
          "the trigger has another sense than a defection (PRODUCT, PARTY, SPORT ...)"),
      new Spec("phrase", EnumSet.of(Stage.DEFECTOR), List.of("group"), 1,
          "the group is the defector phrase; the phrase rules split it into defectors"),
      new Spec("pronoun", EnumSet.of(Stage.DEFECTOR), List.of("group"), 1,
          "the group is a pronoun; the defector is its referent"),
      new Spec("plural", EnumSet.of(Stage.DEFECTOR), List.of("group"), 1,
          "the group is 'they'; the defectors are those of the last trigger of this sentence or the one before when"
              + " two or more, else the last plural rank phrase there"),
      new Spec("pair", EnumSet.of(Stage.DEFECTOR), List.of(), 0,
          "the defectors are the two people last named ('both', 'the two men')"),
      new Spec("person", EnumSet.of(Stage.DEFECTOR, Stage.PHRASE), List.of("group", "group"), 1,
          "a named person (arg 1) and a group that describes them (arg 2: a title, an apposition) when given"),
      new Spec("group", EnumSet.of(Stage.PHRASE), List.of("group", "group", "group"), 1,
          "a same-rank group or person: rank (arg 1), count (arg 2), state (arg 3) when given"),
      new Spec("people", EnumSet.of(Stage.PHRASE), List.of("group", "group", "group"), 1,
          "people of no rank: the noun (arg 1), count (arg 2), state (arg 3) when given"),
      new Spec("counted", EnumSet.of(Stage.DEFECTOR), List.of("group", "group"), 2,
          "group 2 is a defector phrase whose count is group 1, apart from it ('five deserting soldiers')"),
      new Spec("heading", EnumSet.of(Stage.DEFECTOR), List.of("group"), 1,
          "the clause has no subject: the defector is the name that heads the sentence ('NAME, LABEL:'); the group"
              + " describes them"),
      new Spec("reporter", EnumSet.of(Stage.DEFECTOR), List.of("group"), 1,
          "the group is a pronoun whose referent is the subject of the reporting verb before it"),
      new Spec("previous", EnumSet.of(Stage.DEFECTOR), List.of(), 0,
          "the defectors of the sentence's previous trigger (predicates that share a subject)"),
      new Spec("companions", EnumSet.of(Stage.COMPANION), List.of("group"), 1,
          "the group names people who went with the trigger's defectors; the phrase rules split it into defectors"),
      new Spec("origin", EnumSet.of(Stage.ORIGIN), List.of("group"), 1, "the group names the state left"),
      new Spec("destination", EnumSet.of(Stage.DESTINATION), List.of("group"), 1, "the group names the state reached"),
      new Spec("posting", EnumSet.of(Stage.POSTING), List.of("group"), 1, "the group names a diplomat's post"),
      new Spec("surname", EnumSet.of(Stage.SURNAME), List.of("group"), 1, "the group is the defector's name"),
      new Spec("members", EnumSet.of(Stage.ENUMERATION), List.of("value"), 0,
          "the rest of the sentence lists the members of the group reported in the sentence before; with arg 1"
              + " 'definite' (a definite description opens it), of the last group of the sentences before; with"
              + " 'apposed', a count and rank in a sentence before the group's, with as many names after it"));

  private static final Map<String, Spec> BY_NAME = SPECS.stream().collect(Collectors.toMap(Spec::name, s -> s));

  private Actions() {}

  public static List<Spec> all() {
    return SPECS;
  }

  /**
   * Checks an action against its stage and the pattern's groups.
   *
   * @throws PatternException naming {@code where} and what is wrong
   */
  static void check(Action a, Stage stage, Set<String> groups, String where) {
    Spec s = BY_NAME.get(a.name());
    if (s == null || !s.stages().contains(stage)) {
      throw new PatternException(where + ": the " + stage.name().toLowerCase() + " stage has no action '" + a.name()
          + "'; it has " + SPECS.stream().filter(x -> x.stages().contains(stage)).map(Spec::name).toList());
    }
    if (a.args().size() < s.required() || a.args().size() > s.args().size()) {
      throw new PatternException(where + ": " + a.name() + " takes " + s.required() + " to " + s.args().size()
          + " arguments, not " + a.args().size());
    }
    for (int i = 0; i < a.args().size(); i++) {
      if (s.args().get(i).equals("group") && !groups.contains(a.args().get(i))) {
        throw new PatternException(where + ": " + a.name() + " names group '" + a.args().get(i)
            + "', which the pattern does not have (its groups: " + groups + ")");
      }
    }
  }
}
