package io.brainstem.processor.check;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.brainstem.annotations.Units;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

class UnitParserTest {
  private static final Unit S = Unit.base(Unit.TIME);
  private static final Unit M = Unit.base(Unit.LENGTH);
  private static final Unit A = Unit.base(Unit.CURRENT);
  private static final Unit KG = Unit.base(Unit.MASS);
  private static final Unit VOLT = KG.times(M.pow(2)).divide(S.pow(3)).divide(A);

  private static Unit parse(String text) {
    return UnitParser.parse(text);
  }

  @Test
  void prefixedSymbolsAreBaseDimensionsTimesPowersOfTen() {
    assertThat(parse("ms")).isEqualTo(S.scaled(-3));
    assertThat(parse("s")).isEqualTo(S);
    assertThat(parse("mV")).isEqualTo(VOLT.scaled(-3));
    assertThat(parse("nA")).isEqualTo(A.scaled(-9));
    assertThat(parse("pA")).isEqualTo(A.scaled(-12));
    assertThat(parse("MOhm")).isEqualTo(VOLT.divide(A).scaled(6));
    assertThat(parse("Mohm")).isEqualTo(parse("MOhm"));
    assertThat(parse("kHz")).isEqualTo(S.pow(-1).scaled(3));
    assertThat(parse("mM")).isEqualTo(Unit.base(Unit.AMOUNT).divide(M.pow(3)));
    assertThat(parse("µF")).isEqualTo(parse("uF"));
  }

  @Test
  void brian2LongNamesAreTheSameUnits() {
    assertThat(parse("msecond")).isEqualTo(parse("ms"));
    assertThat(parse("mvolt")).isEqualTo(parse("mV"));
    assertThat(parse("nsiemens")).isEqualTo(parse("nS"));
    assertThat(parse("pfarad")).isEqualTo(parse("pF"));
    assertThat(parse("namp")).isEqualTo(parse("nA"));
    assertThat(parse("second")).isEqualTo(S);
  }

  @Test
  void coherentCombinationsAgree() {
    // Ohm's law and the membrane equation in the units a neuroscientist mixes.
    assertThat(parse("MOhm*nA")).isEqualTo(parse("mV"));
    assertThat(parse("nS mV")).isEqualTo(parse("pA"));
    assertThat(parse("pA/pF")).isEqualTo(parse("mV/ms"));
    assertThat(parse("nA/nF")).isEqualTo(parse("V/s"));
    assertThat(parse("uA/cm^2")).isEqualTo(parse("uA/cm2"));
    assertThat(parse("(uA/cm^2)/(uF/cm^2)")).isEqualTo(parse("mV/ms"));
    assertThat(parse("mS/cm^2 * mV")).isEqualTo(parse("uA/cm^2"));
    assertThat(parse("1/ms")).isEqualTo(parse("kHz"));
    assertThat(parse("ms^-1")).isEqualTo(parse("1/ms"));
    assertThat(parse("ms**-1")).isEqualTo(parse("1/ms"));
    assertThat(parse("1")).isEqualTo(Unit.ONE);
    assertThat(parse("mV/ms/ms")).isEqualTo(parse("mV/ms^2"));
    assertThat(parse("ms^0.5")).isEqualTo(parse("ms").pow(0.5));
  }

  @Test
  void scaleMatters() {
    assertThat(parse("mV")).isNotEqualTo(parse("V"));
    assertThat(parse("mV").sameDimension(parse("V"))).isTrue();
    assertThat(parse("mV").decadesOver(parse("V"))).isEqualTo(-3.0);
  }

  @Test
  void malformedUnitsSayWhatIsWrong() {
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("mv")).getMessage())
        .contains("'mv' is not a unit (did you mean 'mV'?)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("mV/")).getMessage())
        .contains("a unit is missing (at character 4)");
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("cm^")).getMessage())
        .contains("an exponent");
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("10 ms")).getMessage())
        .contains("only '1'");
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("(mV")).getMessage())
        .contains("')' is missing");
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("mV ; ms")).getMessage())
        .contains("unexpected ';'");
    assertThat(assertThrows(IllegalArgumentException.class, () -> parse("ms^0.3")).getMessage())
        .contains("whole and half powers");
  }

  @Test
  void messagesNameUnitsAndDimensions() {
    assertThat(parse("mV").toString()).isEqualTo("mV");
    assertThat(parse("mV").dimension()).isEqualTo("voltage");
    assertThat(parse("nS*mV").toString()).isEqualTo("pA");
    assertThat(parse("pA/pF").toString()).isEqualTo("mV/ms");
    assertThat(parse("pA/pF").dimension()).isEqualTo("voltage per time");
    assertThat(parse("1/ms").toString()).isEqualTo("1/ms");
    assertThat(parse("1/ms").dimension()).isEqualTo("rate");
    assertThat(parse("Hz").toString()).isEqualTo("Hz");
    assertThat(parse("uA/cm^2").toString()).isEqualTo("uA/cm^2");
    assertThat(parse("mS/cm2").dimension()).isEqualTo("conductance density");
    assertThat(parse("mV/ms^0.5").toString()).isEqualTo("mV/sqrt(ms)");
    assertThat(parse("1").toString()).isEqualTo("1");
    assertThat(parse("mV/V").toString()).isEqualTo("10^-3");
    assertThat(parse("mV*ms").toString()).isEqualTo("mV ms");
    assertThat(parse("mV*ms").dimension()).isEqualTo("voltage times time");
    assertThat(parse("mol*A").toString()).isEqualTo("A mol");
  }

  @Test
  void everyUnitsConstantIsOneOfItsUnitInBrainstemsCoherentUnits() throws Exception {
    // Coherent: ms, mV, nA (so uS, nF, MOhm); the value of a constant is its unit in those.
    Unit[] coherent = {parse("ms"), parse("mV"), parse("nA"), parse("uS"), parse("nF"),
        parse("MOhm"), parse("1/ms")};
    int checked = 0;
    for (Field field : Units.class.getFields()) {
      assertThat(Modifier.isStatic(field.getModifiers())).isTrue();
      Unit unit = UnitParser.parse(field.getName());
      Unit base = null;
      for (Unit c : coherent) {
        if (c.sameDimension(unit)) {
          base = c;
        }
      }
      assertThat(base).isNotNull();
      assertThat(field.getDouble(null))
          .isWithin(1e-12 * field.getDouble(null)).of(Math.pow(10, unit.decadesOver(base)));
      assertThat(UnitConstants.value(field.getName())).isEqualTo(field.getDouble(null));
      checked++;
    }
    assertThat(checked).isAtLeast(30);
  }
}
