import { SoakCheck } from '../support/report-model';

/** A check that passes when `observed` equals `expected`. */
export function equals(check: string, observed: number, expected = 0): SoakCheck {
  return {
    check,
    expected: String(expected),
    observed: String(observed),
    pass: observed === expected,
  };
}

/** A check that passes when `condition` holds; `expected` and `observed` are shown as they are. */
export function holds(
  check: string,
  condition: boolean,
  expected: string,
  observed: string,
): SoakCheck {
  return { check, expected, observed, pass: condition };
}
