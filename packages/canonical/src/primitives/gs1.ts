/**
 * GS1 mod-10 check digit, shared by GTIN-8/12/13/14 and SSCC-18: weights 3 and 1 alternate
 * from the rightmost digit before the check digit.
 */
export function hasValidGs1CheckDigit(digits: string): boolean {
  if (!/^\d+$/.test(digits) || digits.length < 2) return false;
  let sum = 0;
  const body = digits.slice(0, -1);
  for (let index = 0; index < body.length; index++) {
    const weight = (body.length - index) % 2 === 1 ? 3 : 1;
    sum += Number(body[index]) * weight;
  }
  return (10 - (sum % 10)) % 10 === Number(digits.at(-1));
}
