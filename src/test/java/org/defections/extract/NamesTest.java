package org.defections.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void middleNamesAndParticlesAreOptional() {
    assertTrue(Names.compatible("Karim Walid Mansour", "Karim Mansour"));
    assertTrue(Names.compatible("Yusuf al-Haddad", "Yusuf Haddad"));
    assertTrue(Names.compatible("Omar bin Salem", "Omar Salem"));
    assertTrue(Names.compatible("Mansour", "Karim Walid Mansour"));
  }

  @Test
  void transliterationVariantsMatch() {
    assertTrue(Names.compatible("Samir Qassab", "Samir Kassab"));
    assertTrue(Names.compatible("Adel Hammadeh", "Adel Hamada"));
    assertTrue(Names.compatible("Fadi Tlass", "Fadi Tlas"));
  }

  @Test
  void differentPeopleWithOneSurnameStayApart() {
    // father and son: the son's name is a tail of the father's, the first names differ
    assertFalse(Names.compatible("Ahmad Rami Badr al-din Sayegh", "Badr al-din Sayegh"));
    assertFalse(Names.compatible("Lena Petrova", "Irina Petrova"));
    assertFalse(Names.compatible("Karim Mansour", "Karim Haddad"));
  }
}
