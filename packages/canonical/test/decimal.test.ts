import { describe, expect, it } from 'vitest';
import {
  DecimalError,
  decimal,
  isCanonicalError,
  type Money,
  money,
  type Quantity,
  quantity,
  type RoundingMethod,
} from '../src/index.js';
import { thrown } from './thrown.js';

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });
const usd = (amount: string): Money => ({ amount, currency: 'USD' });
const ea = (value: string): Quantity => ({ value, uom: 'EA' });
const kg = (value: string): Quantity => ({ value, uom: 'KGM' });

describe('exact decimal arithmetic', () => {
  it('adds without binary float error: 0.1 + 0.2 is exactly 0.3', () => {
    expect(decimal.add('0.1', '0.2')).toBe('0.3');
    expect(decimal.add('0.1', '0.2', '0.3', '0.4')).toBe('1');
    expect(decimal.add()).toBe('0');
  });

  it('subtracts, multiplies, negates and takes absolute values exactly', () => {
    expect(decimal.sub('0.3', '0.1')).toBe('0.2');
    expect(decimal.sub('1', '1.25')).toBe('-0.25');
    expect(decimal.mul('1.1', '1.1')).toBe('1.21');
    expect(decimal.mul('19.99', '3')).toBe('59.97');
    expect(decimal.mul('-2.5', '4')).toBe('-10');
    expect(decimal.negate('12.5')).toBe('-12.5');
    expect(decimal.negate('-12.5')).toBe('12.5');
    expect(decimal.abs('-3.50')).toBe('3.5');
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect(decimal.add('9007199254740993', '1')).toBe('9007199254740994');
    expect(decimal.mul('99999999999999999999', '99999999999999999999')).toBe(
      '9999999999999999999800000000000000000001',
    );
  });
});

describe('canonical spelling of results', () => {
  it('drops trailing zeros: "12.50" becomes "12.5" and "3.000" becomes "3"', () => {
    expect(decimal.normalize('12.50')).toBe('12.5');
    expect(decimal.normalize('3.000')).toBe('3');
    expect(decimal.normalize('0.10')).toBe('0.1');
    expect(decimal.add('1.25', '1.75')).toBe('3');
  });

  it('never produces a negative zero', () => {
    expect(decimal.normalize('-0')).toBe('0');
    expect(decimal.normalize('-0.000')).toBe('0');
    expect(decimal.negate('0')).toBe('0');
    expect(decimal.sub('1.5', '1.50')).toBe('0');
    expect(decimal.mul('-3', '0')).toBe('0');
  });

  it('never uses exponent notation, however large or small the result', () => {
    const big = `1${'0'.repeat(60)}`;
    expect(decimal.mul(`1${'0'.repeat(30)}`, `1${'0'.repeat(30)}`)).toBe(big);
    const tiny = `0.${'0'.repeat(20)}1`;
    expect(decimal.mul(tiny, tiny)).toBe(`0.${'0'.repeat(41)}1`);
    expect(decimal.div('1', `1${'0'.repeat(30)}`)).toBe(`0.${'0'.repeat(29)}1`);
    expect(decimal.normalize('0.0000001')).toBe('0.0000001');
    expect(decimal.normalize(`-1${'0'.repeat(25)}`)).toBe(`-1${'0'.repeat(25)}`);
  });
});

describe('comparing decimals', () => {
  it('treats "1.0" and "1" as equal', () => {
    expect(decimal.compare('1.0', '1')).toBe(0);
    expect(decimal.eq('1.0', '1')).toBe(true);
    expect(decimal.eq('-0', '0')).toBe(true);
    expect(decimal.eq('1.01', '1')).toBe(false);
  });

  it('compares by value, not by spelling', () => {
    expect(decimal.compare('2', '10')).toBe(-1);
    expect(decimal.compare('10', '9.999')).toBe(1);
    expect(decimal.compare('-1', '-0.5')).toBe(-1);
    expect(decimal.lt('2', '10')).toBe(true);
    expect(decimal.lte('10.0', '10')).toBe(true);
    expect(decimal.lte('10.01', '10')).toBe(false);
    expect(decimal.gt('0.1', '0.09')).toBe(true);
    expect(decimal.gte('0.09', '0.1')).toBe(false);
    expect(decimal.gte('5', '5.000')).toBe(true);
  });

  it('answers zero, sign, minimum and maximum questions on any spelling', () => {
    expect(decimal.isZero('0.000')).toBe(true);
    expect(decimal.isZero('-0')).toBe(true);
    expect(decimal.isZero('0.001')).toBe(false);
    expect(decimal.isNegative('-0.001')).toBe(true);
    expect(decimal.isNegative('-0')).toBe(false);
    expect(decimal.isNegative('0')).toBe(false);
    expect(decimal.min('3', '-1.50', '2')).toBe('-1.5');
    expect(decimal.max('3', '10', '2.99')).toBe('10');
    expect(decimal.max('0', '-0.5')).toBe('0');
  });
});

describe('division', () => {
  it('divides exactly when the quotient terminates', () => {
    expect(decimal.div('10', '4')).toBe('2.5');
    expect(decimal.div('1', '8')).toBe('0.125');
    expect(decimal.div('-9', '3')).toBe('-3');
  });

  it('carries a repeating quotient to 40 significant digits, rounding the last digit half-up', () => {
    expect(decimal.div('1', '3')).toBe(`0.${'3'.repeat(40)}`);
    expect(decimal.div('2', '3')).toBe(`0.${'6'.repeat(39)}7`);
    expect(decimal.div('13', '12')).toBe(`1.08${'3'.repeat(37)}`);
    expect(decimal.div('1', '2.20462')).toBe('0.4535929094356397020801770826718436737397');
  });

  it('refuses to divide by zero in any spelling', () => {
    for (const zero of ['0', '0.000', '-0']) {
      const error = thrown(() => decimal.div('5', zero));
      expect(error).toBeInstanceOf(DecimalError);
      expect((error as DecimalError).message).toContain('zero');
      expect((error as DecimalError).message).toContain('5');
    }
  });
});

describe('rounding to a precision (Odoo float_round semantics)', () => {
  type Row = readonly [value: string, precision: string, expected: Record<RoundingMethod, string>];
  const rows: readonly Row[] = [
    // Not a tie.
    ['2.341', '0.01', { UP: '2.35', DOWN: '2.34', 'HALF-UP': '2.34', 'HALF-EVEN': '2.34' }],
    ['2.347', '0.01', { UP: '2.35', DOWN: '2.34', 'HALF-UP': '2.35', 'HALF-EVEN': '2.35' }],
    ['-2.341', '0.01', { UP: '-2.35', DOWN: '-2.34', 'HALF-UP': '-2.34', 'HALF-EVEN': '-2.34' }],
    ['-2.347', '0.01', { UP: '-2.35', DOWN: '-2.34', 'HALF-UP': '-2.35', 'HALF-EVEN': '-2.35' }],
    // Ties: HALF-UP goes away from zero, HALF-EVEN to the even neighbour.
    ['2.345', '0.01', { UP: '2.35', DOWN: '2.34', 'HALF-UP': '2.35', 'HALF-EVEN': '2.34' }],
    ['2.355', '0.01', { UP: '2.36', DOWN: '2.35', 'HALF-UP': '2.36', 'HALF-EVEN': '2.36' }],
    ['-2.345', '0.01', { UP: '-2.35', DOWN: '-2.34', 'HALF-UP': '-2.35', 'HALF-EVEN': '-2.34' }],
    ['-2.355', '0.01', { UP: '-2.36', DOWN: '-2.35', 'HALF-UP': '-2.36', 'HALF-EVEN': '-2.36' }],
    ['0.5', '1', { UP: '1', DOWN: '0', 'HALF-UP': '1', 'HALF-EVEN': '0' }],
    ['1.5', '1', { UP: '2', DOWN: '1', 'HALF-UP': '2', 'HALF-EVEN': '2' }],
    ['-0.5', '1', { UP: '-1', DOWN: '0', 'HALF-UP': '-1', 'HALF-EVEN': '0' }],
    // Half units: multiples of 0.5.
    ['2.3', '0.5', { UP: '2.5', DOWN: '2', 'HALF-UP': '2.5', 'HALF-EVEN': '2.5' }],
    ['2.25', '0.5', { UP: '2.5', DOWN: '2', 'HALF-UP': '2.5', 'HALF-EVEN': '2' }],
    ['2.75', '0.5', { UP: '3', DOWN: '2.5', 'HALF-UP': '3', 'HALF-EVEN': '3' }],
    ['-2.3', '0.5', { UP: '-2.5', DOWN: '-2', 'HALF-UP': '-2.5', 'HALF-EVEN': '-2.5' }],
    // Coarser than one: multiples of 5.
    ['12', '5', { UP: '15', DOWN: '10', 'HALF-UP': '10', 'HALF-EVEN': '10' }],
    ['12.5', '5', { UP: '15', DOWN: '10', 'HALF-UP': '15', 'HALF-EVEN': '10' }],
    // Already a multiple: every method leaves it alone (no float epsilon pushing UP over the edge).
    ['2.35', '0.01', { UP: '2.35', DOWN: '2.35', 'HALF-UP': '2.35', 'HALF-EVEN': '2.35' }],
    ['2.5', '0.5', { UP: '2.5', DOWN: '2.5', 'HALF-UP': '2.5', 'HALF-EVEN': '2.5' }],
    ['-7', '1', { UP: '-7', DOWN: '-7', 'HALF-UP': '-7', 'HALF-EVEN': '-7' }],
    ['0', '0.01', { UP: '0', DOWN: '0', 'HALF-UP': '0', 'HALF-EVEN': '0' }],
    // Small negatives rounding to zero give "0", never "-0".
    ['-0.001', '0.01', { UP: '-0.01', DOWN: '0', 'HALF-UP': '0', 'HALF-EVEN': '0' }],
  ];

  for (const [value, precision, expected] of rows) {
    it(`rounds ${value} to a multiple of ${precision} by every method`, () => {
      for (const method of ['UP', 'DOWN', 'HALF-UP', 'HALF-EVEN'] as const) {
        expect(decimal.roundTo(value, precision, method), method).toBe(expected[method]);
      }
    });
  }

  it('rounds UP away from zero and DOWN towards zero, as Odoo does, not towards ±infinity', () => {
    expect(decimal.roundTo('-1.01', '1', 'UP')).toBe('-2');
    expect(decimal.roundTo('-1.99', '1', 'DOWN')).toBe('-1');
  });

  it('rounds exactly when the value carries 40 or more significant digits, like a division result', () => {
    // 0.7499…9 (40 digits) is below 0.75, so it is nearer to 0.5 than to 1.
    expect(decimal.roundTo(`0.74${'9'.repeat(38)}`, '0.5', 'HALF-UP')).toBe('0.5');
    // 0.5000…02 (40 digits) is above 0.5, so rounding UP to a half unit gives 1.
    expect(decimal.roundTo(`0.5${'0'.repeat(38)}2`, '0.5', 'UP')).toBe('1');
    // Just above 2.34 rounds UP to 2.35; just below 2.35 rounds DOWN to 2.34.
    expect(decimal.roundTo(`2.34${'0'.repeat(40)}1`, '0.01', 'UP')).toBe('2.35');
    expect(decimal.roundTo(`2.34${'9'.repeat(41)}`, '0.01', 'DOWN')).toBe('2.34');
  });

  it('rounds half-up when no method is given', () => {
    expect(decimal.roundTo('2.345', '0.01')).toBe('2.35');
    expect(decimal.roundTo('2.344', '0.01')).toBe('2.34');
  });

  it('refuses a precision of zero or less', () => {
    for (const precision of ['0', '0.00', '-0.01']) {
      const error = thrown(() => decimal.roundTo('1.5', precision));
      expect(error).toBeInstanceOf(DecimalError);
      expect((error as DecimalError).message).toContain(precision);
    }
  });

  it('formats to a fixed number of places, keeping trailing zeros for display', () => {
    expect(decimal.toFixed('3.1', 2)).toBe('3.10');
    expect(decimal.toFixed('3', 2)).toBe('3.00');
    expect(decimal.toFixed('2.345', 2)).toBe('2.35');
    expect(decimal.toFixed('2.345', 2, 'HALF-EVEN')).toBe('2.34');
    expect(decimal.toFixed('2.341', 2, 'UP')).toBe('2.35');
    expect(decimal.toFixed('-2.349', 2, 'DOWN')).toBe('-2.34');
  });
});

describe('refusing malformed decimals', () => {
  const malformed = [
    '1e3',
    '',
    '12.',
    '.5',
    '1,5',
    '0x10',
    '+1',
    ' 1',
    '1 ',
    '1.2.3',
    'NaN',
    'Infinity',
    '01',
  ];

  for (const value of malformed) {
    it(`refuses ${JSON.stringify(value)} with a DecimalError that quotes it`, () => {
      for (const operation of [
        () => decimal.normalize(value),
        () => decimal.add('1', value),
        () => decimal.compare(value, '1'),
        () => decimal.roundTo(value, '0.01'),
        () => decimal.roundTo('1', value),
      ]) {
        const error = thrown(operation);
        expect(error).toBeInstanceOf(DecimalError);
        expect(isCanonicalError(error)).toBe(true);
        expect((error as DecimalError).message).toContain(`"${value}"`);
      }
    });
  }
});

describe('decimals from JSON numbers', () => {
  it('takes the shortest spelling of a float, so 0.1 becomes "0.1"', () => {
    expect(decimal.fromNumber(0.1)).toBe('0.1');
    expect(decimal.fromNumber(12.5)).toBe('12.5');
    expect(decimal.fromNumber(100)).toBe('100');
    expect(decimal.fromNumber(-3.75)).toBe('-3.75');
  });

  it('keeps what the float really holds: 0.1 + 0.2 computed in floats is not "0.3"', () => {
    expect(decimal.fromNumber(0.1 + 0.2)).toBe('0.30000000000000004');
  });

  it('spells very large and very small floats without an exponent and -0 as "0"', () => {
    expect(decimal.fromNumber(1e21)).toBe('1000000000000000000000');
    expect(decimal.fromNumber(1e-7)).toBe('0.0000001');
    expect(decimal.fromNumber(-0)).toBe('0');
  });

  it('refuses NaN and infinities', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      const error = thrown(() => decimal.fromNumber(value));
      expect(error).toBeInstanceOf(DecimalError);
      expect((error as DecimalError).message).toContain(String(value));
    }
  });
});

describe('money arithmetic', () => {
  it('adds, subtracts and compares amounts of one currency exactly', () => {
    expect(money.add(eur('19.99'), eur('0.01'))).toEqual(eur('20'));
    expect(money.sub(eur('10'), eur('0.10'))).toEqual(eur('9.9'));
    expect(money.compare(eur('1.0'), eur('1'))).toBe(0);
    expect(money.compare(eur('9.99'), eur('10'))).toBe(-1);
  });

  it('multiplies a unit price by a quantity without rounding', () => {
    expect(money.times(eur('19.99'), '3')).toEqual(eur('59.97'));
    expect(money.times(usd('0.333'), '0.5')).toEqual(usd('0.1665'));
  });

  it('refuses to add, subtract or compare different currencies, naming both', () => {
    for (const operation of [
      () => money.add(eur('1'), usd('1')),
      () => money.sub(eur('1'), usd('1')),
      () => money.compare(eur('1'), usd('1')),
    ]) {
      const error = thrown(operation);
      expect(error).toBeInstanceOf(DecimalError);
      expect((error as DecimalError).message).toContain('EUR');
      expect((error as DecimalError).message).toContain('USD');
    }
  });
});

describe('quantity arithmetic', () => {
  it('adds, subtracts and compares quantities of one unit exactly', () => {
    expect(quantity.add(ea('2'), ea('3'))).toEqual(ea('5'));
    expect(quantity.add(kg('0.1'), kg('0.2'))).toEqual(kg('0.3'));
    expect(quantity.sub(ea('10'), ea('2.5'))).toEqual(ea('7.5'));
    expect(quantity.compare(ea('1.0'), ea('1'))).toBe(0);
    expect(quantity.compare(ea('2'), ea('10'))).toBe(-1);
    expect(quantity.isZero(ea('0.000'))).toBe(true);
  });

  it('builds a quantity with a canonical value', () => {
    expect(quantity.of('12.50', 'EA')).toEqual(ea('12.5'));
  });

  it('refuses to add, subtract or compare different units, naming both', () => {
    for (const operation of [
      () => quantity.add(ea('1'), kg('1')),
      () => quantity.sub(ea('1'), kg('1')),
      () => quantity.compare(ea('1'), kg('1')),
    ]) {
      const error = thrown(operation);
      expect(error).toBeInstanceOf(DecimalError);
      expect((error as DecimalError).message).toContain('EA');
      expect((error as DecimalError).message).toContain('KGM');
    }
  });

  it('says quantities of different units are not equal instead of throwing', () => {
    expect(quantity.eq(ea('1'), kg('1'))).toBe(false);
    expect(quantity.eq(ea('1.0'), ea('1'))).toBe(true);
  });
});
