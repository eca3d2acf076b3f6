import { inputError } from '../../protocol/api-error';
import { MessageResponse } from '../../responses/message-responses';
import { FilterSchema, Predicate, compileComparison } from '../../store/query-filter';

/** Operators each built-in message field accepts; custom fields accept the comparison ones. */
const COMPARISONS = ['$eq', '$ne', '$in', '$nin', '$gt', '$gte', '$lt', '$lte', '$exists'];
const FIELD_OPERATORS: Record<string, string[]> = {
  text: ['$q', '$autocomplete', '$eq', '$ne', '$in', '$nin', '$exists'],
  'user.id': ['$autocomplete', '$eq', '$ne', '$in', '$nin'],
  'mentioned_users.id': ['$contains'],
  attachments: ['$exists'],
  'attachments.type': ['$eq', '$in', '$nin'],
};
const CUSTOM_OPERATORS = [...COMPARISONS, '$contains'];

/**
 * The value of a (possibly dotted) field of a message response: `user.id`, `attachments.type`
 * (the list of types) and `mentioned_users.id` (the list of ids) reach into objects and lists.
 */
export function messageFieldValue(message: MessageResponse, field: string): unknown {
  let value: unknown = message;
  for (const part of field.split('.')) {
    if (Array.isArray(value)) {
      value = value.map((item) => (item as Record<string, unknown> | null)?.[part]);
    } else if (typeof value === 'object' && value !== null) {
      value = (value as Record<string, unknown>)[part];
    } else {
      return undefined;
    }
  }
  return value;
}

/**
 * How search filters read messages (their wire form, so custom fields and feature fields such
 * as `pinned` are filterable). `text` with `$q` or a plain value is a case-insensitive
 * substring search (not Stream's full-text search); `$autocomplete` matches word prefixes.
 * @throws ApiError code 4 (when compiled) for an operator the field does not support.
 */
export const messageFilterSchema: FilterSchema<MessageResponse> = {
  value: messageFieldValue,
  special: Object.fromEntries(
    [...Object.keys(FIELD_OPERATORS), 'id', 'type', 'parent_id', 'reply_count', 'pinned'].map(
      (field) => [
        field,
        (operator: string, operand: unknown) => condition(field, operator, operand),
      ],
    ),
  ),
};

function condition(field: string, operator: string, operand: unknown): Predicate<MessageResponse> {
  const allowed = FIELD_OPERATORS[field] ?? CUSTOM_OPERATORS;
  if (!allowed.includes(operator)) {
    throw inputError(
      `operator ${operator} is not supported on message field ${field} (supported: ${allowed.join(' ')})`,
    );
  }
  if (field === 'attachments' && typeof operand !== 'boolean') {
    throw inputError('$exists of field attachments must be a boolean');
  }
  if (field === 'text' && (operator === '$q' || operator === '$eq')) {
    if (typeof operand !== 'string') {
      throw inputError(`${operator} of field text must be a string`);
    }
    const query = operand.toLowerCase();
    return (message) =>
      String(message['text'] ?? '')
        .toLowerCase()
        .includes(query);
  }
  if (field === 'attachments') {
    return (message) =>
      (Array.isArray(message['attachments']) && message['attachments'].length > 0) === operand;
  }
  const test =
    field === 'attachments.type' && operator === '$eq'
      ? compileComparison(field, '$in', [operand])
      : compileComparison(field, operator, operand);
  return (message) => test(messageFieldValue(message, field));
}
