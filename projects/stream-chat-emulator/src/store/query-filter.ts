import { inputError } from '../protocol/api-error';
import { isPlainObject } from '../protocol/body-fields';

/** A compiled filter: whether a record matches. */
export type Predicate<T> = (subject: T) => boolean;

/**
 * How a filter reads records of one kind.
 * `value` returns a field's value; `special` fields get their own operator handling
 * (e.g. `members` on channels, which compares sets of user ids).
 */
export interface FilterSchema<T> {
  /** The value of a field of a record, or `undefined`. */
  value(subject: T, field: string): unknown;
  /** Fields with custom semantics: given an operator and operand, build a predicate. */
  special?: Record<string, (operator: string, operand: unknown) => Predicate<T>>;
}

const COMPARISON_OPERATORS = new Set([
  '$eq',
  '$ne',
  '$in',
  '$nin',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$exists',
  '$autocomplete',
  '$q',
  '$contains',
]);

/**
 * Compiles a MongoDB-style filter as Stream's query endpoints accept it: an object whose
 * keys are field names (implicit AND) or `$and`/`$or`/`$nor`, and whose values are a
 * plain value (`$eq`) or an object of operators (`$eq $ne $in $nin $gt $gte $lt $lte
 * $exists $autocomplete $q $contains`).
 * @throws ApiError code 4 for anything malformed.
 */
export function compileFilter<T>(filter: unknown, schema: FilterSchema<T>): Predicate<T> {
  if (!isPlainObject(filter)) {
    throw inputError('filter_conditions must be an object');
  }
  const parts: Predicate<T>[] = [];
  for (const [key, condition] of Object.entries(filter)) {
    if (key === '$and' || key === '$or' || key === '$nor') {
      if (!Array.isArray(condition) || condition.length === 0) {
        throw inputError(`${key} must be a non-empty array of filters`);
      }
      const children = condition.map((child) => compileFilter(child, schema));
      parts.push(
        key === '$and'
          ? (subject) => children.every((child) => child(subject))
          : key === '$or'
            ? (subject) => children.some((child) => child(subject))
            : (subject) => !children.some((child) => child(subject)),
      );
    } else if (key.startsWith('$')) {
      throw inputError(`unknown logical operator ${key}`);
    } else {
      parts.push(compileField(key, condition, schema));
    }
  }
  return (subject) => parts.every((part) => part(subject));
}

function compileField<T>(field: string, condition: unknown, schema: FilterSchema<T>): Predicate<T> {
  const operators: [string, unknown][] =
    isPlainObject(condition) && Object.keys(condition).some((key) => key.startsWith('$'))
      ? Object.entries(condition)
      : [['$eq', condition]];
  const parts = operators.map(([operator, operand]): Predicate<T> => {
    if (!COMPARISON_OPERATORS.has(operator)) {
      throw inputError(`unknown operator ${operator} for field ${field}`);
    }
    const special =
      schema.special && Object.hasOwn(schema.special, field) ? schema.special[field] : undefined;
    if (special) {
      return special(operator, operand);
    }
    const test = compileComparison(field, operator, operand);
    return (subject) => test(schema.value(subject, field));
  });
  return (subject) => parts.every((part) => part(subject));
}

/**
 * Builds a test of one field value against one operator.
 * @throws ApiError code 4 when the operand has the wrong type for the operator.
 */
export function compileComparison(
  field: string,
  operator: string,
  operand: unknown,
): (value: unknown) => boolean {
  switch (operator) {
    case '$eq':
      return (value) => valuesEqual(value, operand);
    case '$ne':
      return (value) => !valuesEqual(value, operand);
    case '$in':
    case '$nin': {
      if (!Array.isArray(operand)) {
        throw inputError(`${operator} of field ${field} must be an array`);
      }
      const inList = (value: unknown) =>
        Array.isArray(value)
          ? value.some((item) => operand.some((candidate) => valuesEqual(item, candidate)))
          : operand.some((candidate) => valuesEqual(value, candidate));
      return operator === '$in' ? inList : (value) => !inList(value);
    }
    case '$gt':
    case '$gte':
    case '$lt':
    case '$lte': {
      if (typeof operand !== 'string' && typeof operand !== 'number') {
        throw inputError(`${operator} of field ${field} must be a number or a string`);
      }
      return (value) => {
        const order = compareValues(value, operand);
        if (order === undefined) {
          return false;
        }
        return operator === '$gt'
          ? order > 0
          : operator === '$gte'
            ? order >= 0
            : operator === '$lt'
              ? order < 0
              : order <= 0;
      };
    }
    case '$exists':
      if (typeof operand !== 'boolean') {
        throw inputError(`$exists of field ${field} must be a boolean`);
      }
      return (value) => (value !== undefined && value !== null) === operand;
    case '$contains':
      return (value) => Array.isArray(value) && value.some((item) => valuesEqual(item, operand));
    default: {
      if (typeof operand !== 'string') {
        throw inputError(`${operator} of field ${field} must be a string`);
      }
      const query = operand.toLowerCase();
      return (value) => typeof value === 'string' && autocompletes(value.toLowerCase(), query);
    }
  }
}

/** Whether the text, or one of its words, starts with the query. */
function autocompletes(text: string, query: string): boolean {
  return text.startsWith(query) || text.split(/[\s._@-]+/).some((word) => word.startsWith(query));
}

function valuesEqual(left: unknown, right: unknown): boolean {
  if (left === right) {
    return true;
  }
  if (
    typeof left === 'string' &&
    typeof right === 'string' &&
    looksLikeDate(left) &&
    looksLikeDate(right)
  ) {
    return Date.parse(left) === Date.parse(right);
  }
  return JSON.stringify(left) === JSON.stringify(right) && left !== undefined;
}

/**
 * Orders two values: numbers numerically, ISO dates by time, other strings by text.
 * @returns negative, zero or positive; `undefined` when they cannot be compared.
 */
export function compareValues(left: unknown, right: unknown): number | undefined {
  if (typeof left === 'number' && typeof right === 'number') {
    return left - right;
  }
  if (typeof left === 'boolean' && typeof right === 'boolean') {
    return Number(left) - Number(right);
  }
  if (typeof left === 'string' && typeof right === 'string') {
    if (looksLikeDate(left) && looksLikeDate(right)) {
      return Date.parse(left) - Date.parse(right);
    }
    return left < right ? -1 : left > right ? 1 : 0;
  }
  return undefined;
}

function looksLikeDate(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}/.test(value) && Number.isFinite(Date.parse(value));
}
