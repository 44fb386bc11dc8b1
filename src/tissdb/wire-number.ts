// Mirrors C++ `std::ostream << double` with the default precision (printf `%.6g`), which is how the
// real TissDB server prints every number (tissdb-wire.md §4.3). Rounding works on the double's exact
// decimal expansion with ties to even, as glibc does, so `123456.5` prints `123456`, not `123457`.

const PRECISION = 6;

/** The exact value of a finite, non-zero double as `digits × 10^exponent` (digits without sign). */
function exactDecimal(value: number): { digits: string; exponent: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = hi >>> 20;
  const fraction = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const power = biased === 0 ? -1074 : biased - 1075;
  if (power >= 0) return { digits: (mantissa << BigInt(power)).toString(), exponent: 0 };
  // m / 2^k = m * 5^k / 10^k: exact in base ten.
  return { digits: (mantissa * 5n ** BigInt(-power)).toString(), exponent: power };
}

/** Rounds to PRECISION significant digits, ties to even; returns the digits and the scientific exponent. */
function roundSignificant(value: number): { head: string; sci: number } {
  const { digits, exponent } = exactDecimal(value);
  let sci = digits.length - 1 + exponent;
  if (digits.length <= PRECISION) return { head: digits.padEnd(PRECISION, '0'), sci };
  let head = digits.slice(0, PRECISION);
  const rest = digits.slice(PRECISION);
  const first = rest[0] as string;
  const tail = /[1-9]/.test(rest.slice(1));
  const lastOdd = Number(head[PRECISION - 1]) % 2 === 1;
  if (first > '5' || (first === '5' && (tail || lastOdd))) {
    head = (BigInt(head) + 1n).toString();
    if (head.length > PRECISION) {
      head = head.slice(0, PRECISION);
      sci++;
    }
  }
  return { head, sci };
}

function trimFraction(intPart: string, fraction: string): string {
  const trimmed = fraction.replace(/0+$/, '');
  return trimmed === '' ? intPart : `${intPart}.${trimmed}`;
}

/**
 * @example formatCppDouble(1234567)     // -> '1.23457e+06'
 * @example formatCppDouble(0.000012345) // -> '1.2345e-05'
 * @example formatCppDouble(88.5)        // -> '88.5'
 */
export function formatCppDouble(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (value === 0) return Object.is(value, -0) ? '-0' : '0';
  const sign = value < 0 ? '-' : '';
  const { head, sci } = roundSignificant(value);
  if (sci < -4 || sci >= PRECISION) {
    const exp = `${sci < 0 ? '-' : '+'}${String(Math.abs(sci)).padStart(2, '0')}`;
    return `${sign}${trimFraction(head.slice(0, 1), head.slice(1))}e${exp}`;
  }
  if (sci >= 0) return sign + trimFraction(head.slice(0, sci + 1), head.slice(sci + 1));
  return sign + trimFraction('0', '0'.repeat(-sci - 1) + head);
}

/** True when `formatCppDouble` prints `value` without losing anything. */
export function survivesCppDouble(value: number): boolean {
  return Number(formatCppDouble(value)) === value;
}
