import { describe, expect, it } from 'vitest';
import {
  createUomCatalog,
  isCanonicalError,
  type Quantity,
  standardUnits,
  type UnitOfMeasure,
  UomConversionError,
} from '../src/index.js';
import { thrown } from './thrown.js';

const q = (value: string, uom: string): Quantity => ({ value, uom });

const boxOfSix: UnitOfMeasure = {
  code: 'BX6',
  name: 'Box of 6',
  category: 'unit',
  type: 'bigger',
  ratio: '6',
  rounding: '1',
};

const uom = createUomCatalog(standardUnits);
const withBoxes = createUomCatalog([...standardUnits, boxOfSix]);

describe('the standard catalogue', () => {
  it('holds every standard unit under its code, with one reference unit per category', () => {
    expect(uom.units.map((unit) => unit.code)).toEqual(standardUnits.map((unit) => unit.code));
    expect(uom.get('KGM')).toMatchObject({ category: 'weight', type: 'reference', ratio: '1' });
    expect(uom.get('DZN')).toMatchObject({ category: 'unit', type: 'bigger', ratio: '12' });
    const references = standardUnits.filter((unit) => unit.type === 'reference').map((unit) => unit.category);
    expect(new Set(references).size).toBe(references.length);
    expect(new Set(references)).toEqual(new Set(standardUnits.map((unit) => unit.category)));
  });

  it('is what createUomCatalog builds when given no units', () => {
    expect(createUomCatalog().convert(q('2', 'DZN'), 'EA')).toEqual(q('24', 'EA'));
  });
});

describe('converting between units of one category', () => {
  it('converts dozens to units and units to dozens', () => {
    expect(uom.convert(q('2', 'DZN'), 'EA')).toEqual(q('24', 'EA'));
    expect(uom.convert(q('0.5', 'DZN'), 'EA')).toEqual(q('6', 'EA'));
    expect(uom.convert(q('30', 'EA'), 'DZN')).toEqual(q('2.5', 'DZN'));
    expect(uom.convert(q('24', 'EA'), 'DZN')).toEqual(q('2', 'DZN'));
  });

  it('converts kilograms to grams and grams to kilograms', () => {
    expect(uom.convert(q('1.5', 'KGM'), 'GRM')).toEqual(q('1500', 'GRM'));
    expect(uom.convert(q('250', 'GRM'), 'KGM')).toEqual(q('0.25', 'KGM'));
    // 2.5 t = 2500 kg = 2 500 000 g: bigger → smaller through the reference unit.
    expect(uom.convert(q('2.5', 'TNE'), 'GRM')).toEqual(q('2500000', 'GRM'));
  });

  it('converts grams to pounds through the kilogram (1 kg = 2.20462 lb)', () => {
    // 1000 g = 1 kg = 2.20462 lb, rounded UP to 0.01.
    expect(uom.convert(q('1000', 'GRM'), 'LBR')).toEqual(q('2.21', 'LBR'));
    // 500 g = 0.5 kg = 1.10231 lb.
    expect(uom.convert(q('500', 'GRM'), 'LBR')).toEqual(q('1.11', 'LBR'));
    expect(uom.convert(q('500', 'GRM'), 'LBR', { method: 'HALF-UP' })).toEqual(q('1.1', 'LBR'));
  });

  it('converts a pound to kilograms: 1 / 2.20462 = 0.45359…, rounded UP to 0.01 is 0.46', () => {
    expect(uom.convert(q('1', 'LBR'), 'KGM')).toEqual(q('0.46', 'KGM'));
    expect(uom.convert(q('1', 'LBR'), 'KGM', { method: 'HALF-UP' })).toEqual(q('0.45', 'KGM'));
    expect(uom.convert(q('1', 'LBR'), 'KGM', { method: 'DOWN' })).toEqual(q('0.45', 'KGM'));
  });

  it('converts between two non-reference units of one category', () => {
    // 1 oz = 1000 / 35.274 g = 28.3494…
    expect(uom.convert(q('1', 'ONZ'), 'GRM')).toEqual(q('28.35', 'GRM'));
    expect(uom.convert(q('1', 'ONZ'), 'GRM', { method: 'DOWN' })).toEqual(q('28.34', 'GRM'));
    // 1 m³ = 1000 L = 1000 / 3.78541 gal = 264.1721…
    expect(uom.convert(q('1', 'MTQ'), 'GLL')).toEqual(q('264.18', 'GLL'));
    expect(uom.convert(q('1', 'MTQ'), 'GLL', { method: 'HALF-UP' })).toEqual(q('264.17', 'GLL'));
    // 1 in = 100 / 39.3701 cm = 2.5399986…
    expect(uom.convert(q('1', 'INH'), 'CMT')).toEqual(q('2.54', 'CMT'));
    expect(uom.convert(q('1', 'INH'), 'CMT', { method: 'DOWN' })).toEqual(q('2.53', 'CMT'));
  });

  it('rounds UP by default, so Odoo ratios can overshoot: 1 ft = 12.0000061 in becomes 12.01 in', () => {
    // 39.3701 / 3.28084 = 12.00000609…: Odoo's default UP rounding gives 12.01, HALF-UP gives 12.
    expect(uom.convert(q('1', 'FOT'), 'INH')).toEqual(q('12.01', 'INH'));
    expect(uom.convert(q('1', 'FOT'), 'INH', { method: 'HALF-UP' })).toEqual(q('12', 'INH'));
  });
});

describe('rounding a conversion to the target unit', () => {
  it('rounds UP to the unit of rounding by default, so 14 units need 3 boxes of 6', () => {
    expect(withBoxes.convert(q('14', 'EA'), 'BX6')).toEqual(q('3', 'BX6'));
    expect(withBoxes.convert(q('12', 'EA'), 'BX6')).toEqual(q('2', 'BX6'));
    expect(withBoxes.convert(q('1', 'EA'), 'BX6')).toEqual(q('1', 'BX6'));
  });

  it('rounds UP away from zero for negative quantities', () => {
    expect(withBoxes.convert(q('-14', 'EA'), 'BX6')).toEqual(q('-3', 'BX6'));
  });

  it('rounds DOWN when asked, counting only full boxes', () => {
    expect(withBoxes.convert(q('14', 'EA'), 'BX6', { method: 'DOWN' })).toEqual(q('2', 'BX6'));
    expect(withBoxes.convert(q('17.9', 'EA'), 'BX6', { method: 'DOWN' })).toEqual(q('2', 'BX6'));
  });

  it('rounds HALF-UP when asked, a tie going up', () => {
    expect(withBoxes.convert(q('14', 'EA'), 'BX6', { method: 'HALF-UP' })).toEqual(q('2', 'BX6'));
    expect(withBoxes.convert(q('15', 'EA'), 'BX6', { method: 'HALF-UP' })).toEqual(q('3', 'BX6'));
    expect(withBoxes.convert(q('13', 'EA'), 'DZN', { method: 'HALF-UP' })).toEqual(q('1.08', 'DZN'));
  });

  it('rounds a small weight UP to the smallest step rather than to zero', () => {
    expect(uom.convert(q('1', 'GRM'), 'KGM')).toEqual(q('0.01', 'KGM'));
    expect(uom.convert(q('1', 'GRM'), 'KGM', { method: 'HALF-UP' })).toEqual(q('0', 'KGM'));
    expect(uom.convert(q('1', 'GRM'), 'KGM', { method: 'DOWN' })).toEqual(q('0', 'KGM'));
  });

  it('keeps full precision with round: false', () => {
    expect(uom.convert(q('13', 'EA'), 'DZN', { round: false })).toEqual(q(`1.08${'3'.repeat(37)}`, 'DZN'));
    expect(uom.convert(q('1', 'LBR'), 'KGM', { round: false })).toEqual(
      q('0.4535929094356397020801770826718436737397', 'KGM'),
    );
    expect(uom.convert(q('1000', 'GRM'), 'LBR', { round: false })).toEqual(q('2.20462', 'LBR'));
    expect(withBoxes.convert(q('14', 'EA'), 'BX6', { round: false })).toEqual(
      q(`2.${'3'.repeat(39)}`, 'BX6'),
    );
  });

  it('converts boxes back to units and between two bigger units', () => {
    expect(withBoxes.convert(q('3', 'BX6'), 'EA')).toEqual(q('18', 'EA'));
    expect(withBoxes.convert(q('1', 'DZN'), 'BX6')).toEqual(q('2', 'BX6'));
    expect(withBoxes.convert(q('1', 'BX6'), 'DZN')).toEqual(q('0.5', 'DZN'));
  });
});

describe('converting a unit to itself', () => {
  it('returns the quantity unchanged, in canonical spelling', () => {
    expect(uom.convert(q('12.50', 'EA'), 'EA')).toEqual(q('12.5', 'EA'));
    expect(uom.convert(q('3', 'KGM'), 'KGM')).toEqual(q('3', 'KGM'));
    expect(withBoxes.convert(q('4', 'BX6'), 'BX6')).toEqual(q('4', 'BX6'));
  });
});

describe('refusing conversions that make no sense', () => {
  it('refuses to convert across categories, naming both units and both categories', () => {
    const error = thrown(() => uom.convert(q('1', 'EA'), 'KGM'));
    expect(error).toBeInstanceOf(UomConversionError);
    const { message, from, to } = error as UomConversionError;
    expect(from).toBe('EA');
    expect(to).toBe('KGM');
    expect(message).toContain('EA');
    expect(message).toContain('KGM');
    expect(message).toContain('unit');
    expect(message).toContain('weight');

    const volume = thrown(() => uom.convert(q('1', 'LTR'), 'MTR')) as UomConversionError;
    expect(volume).toBeInstanceOf(UomConversionError);
    expect(volume.message).toContain('(volume)');
    expect(volume.message).toContain('(length)');
  });

  it('refuses an unknown unit code on either side, naming it', () => {
    for (const operation of [
      () => uom.convert(q('1', 'XYZ'), 'EA'),
      () => uom.convert(q('1', 'EA'), 'XYZ'),
      () => uom.get('XYZ'),
      () => uom.convert(q('1', 'BX6'), 'EA'),
    ]) {
      const error = thrown(operation);
      expect(error).toBeInstanceOf(UomConversionError);
      expect((error as UomConversionError).message).toMatch(/"(XYZ|BX6)"/);
    }
  });
});

describe('checking a catalogue when it is built', () => {
  it('refuses a category with two reference units, naming both', () => {
    const pieces: UnitOfMeasure = {
      code: 'PCE',
      name: 'Pieces',
      category: 'unit',
      type: 'reference',
      ratio: '1',
      rounding: '1',
    };
    const error = thrown(() => createUomCatalog([...standardUnits, pieces]));
    expect(error).toBeInstanceOf(UomConversionError);
    expect((error as UomConversionError).message).toContain('"unit"');
    expect((error as UomConversionError).message).toContain('EA');
    expect((error as UomConversionError).message).toContain('PCE');
  });

  it('refuses a category without a reference unit', () => {
    const pallet: UnitOfMeasure = {
      code: 'PAL',
      name: 'Pallet',
      category: 'logistics',
      type: 'bigger',
      ratio: '40',
      rounding: '1',
    };
    const error = thrown(() => createUomCatalog([...standardUnits, pallet]));
    expect(error).toBeInstanceOf(UomConversionError);
    expect((error as UomConversionError).message).toContain('"logistics"');
    expect((error as UomConversionError).message).toContain('no reference unit');
  });

  it('refuses a unit code defined twice', () => {
    const error = thrown(() => createUomCatalog([...standardUnits, { ...boxOfSix }, { ...boxOfSix }]));
    expect(error).toBeInstanceOf(UomConversionError);
    expect((error as UomConversionError).message).toContain('BX6');
  });

  it('refuses a reference unit whose ratio is not 1, with an error of this package', () => {
    const crate: UnitOfMeasure = {
      code: 'CRT',
      name: 'Crate',
      category: 'crates',
      type: 'reference',
      ratio: '2',
      rounding: '1',
    };
    const error = thrown(() => createUomCatalog([crate]));
    // The package promises that everything it throws is a CanonicalError, with a message in words.
    expect(isCanonicalError(error)).toBe(true);
    expect((error as Error).message).toContain('a reference unit has ratio "1", got "2"');
  });

  it('accepts a reference unit whose ratio is spelled "1.0"', () => {
    const crate: UnitOfMeasure = {
      code: 'CRT',
      name: 'Crate',
      category: 'crates',
      type: 'reference',
      ratio: '1.0',
      rounding: '1',
    };
    const halfCrate: UnitOfMeasure = { ...crate, code: 'HCR', type: 'smaller', ratio: '2', rounding: '0.5' };
    const crates = createUomCatalog([crate, halfCrate]);
    expect(crates.convert(q('3', 'HCR'), 'CRT', { method: 'HALF-UP' })).toEqual(q('2', 'CRT'));
    expect(crates.convert(q('1.3', 'CRT'), 'HCR')).toEqual(q('3', 'HCR'));
  });
});
