/**
 * Mirrors Velo wix-data errors: a `code` like 'WDE0073' and the same code at the start of the
 * message ("WDE0073: Item [x] does not exist in collection [Movies]."). Message texts follow the Wix
 * Data error-code table (dev.wix.com/docs/.../wix-data/error-codes); brackets mark the variable parts.
 */
export class WixDataError extends Error {
  override readonly name = 'WixDataError';
  readonly code: string;
  /** Extra facts: the collection, item id or argument involved. */
  readonly details: Record<string, unknown>;

  constructor(code: string, text: string, details: Record<string, unknown> = {}) {
    super(`${code}: ${text}`);
    this.code = code;
    this.details = details;
  }
}

/** Velo code runs in its own realm, where `instanceof` fails: this checks the name and code shape. */
export function isWixDataError(value: unknown): value is WixDataError {
  if (value instanceof WixDataError) return true;
  if (typeof value !== 'object' || value === null) return false;
  const { name, code } = value as { name?: unknown; code?: unknown };
  return name === 'WixDataError' && typeof code === 'string' && /^WDE\d{4}$/.test(code);
}

const show = (value: unknown): string => {
  try {
    return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
};

/** The common failures, one factory each so every call site words them the same way. */
export const wixErrors = {
  collectionName: (value: unknown) =>
    new WixDataError('WDE0001', `Collection name must be a string. Got [${show(value)}].`),
  itemId: (value: unknown) => new WixDataError('WDE0002', `Item ID must be a string. Got [${show(value)}].`),
  fieldName: (value: unknown) =>
    new WixDataError('WDE0003', `Field name must be a string. Got [${show(value)}].`),
  notAnObject: (collection: string, item: unknown) =>
    new WixDataError(
      'WDE0004',
      `Failed to save [${show(item)}] into [${collection}]. Items must be JavaScript objects.`,
      { collection },
    ),
  bulkItems: (collection: string) =>
    new WixDataError(
      'WDE0005',
      `Failed to bulk save items into [${collection}]. Items must be an array of JavaScript objects and item IDs must be strings if present.`,
      { collection },
    ),
  bulkTooMany: (collection: string) =>
    new WixDataError(
      'WDE0006',
      `Failed to bulk save items into [${collection}]. Cannot insert more than 1000 items in one request.`,
      { collection },
    ),
  updateWithoutId: (collection: string) =>
    new WixDataError('WDE0007', 'Invalid update. Updated object must have an _id property that is a string.', {
      collection,
    }),
  tooLarge: (collection: string, id: string | undefined, bytes: number) =>
    new WixDataError(
      'WDE0009',
      `Document is too large: item [${id ?? ''}] in [${collection}] is ${bytes} bytes, the maximum is 512000.`,
      { collection, id, bytes },
    ),
  collectionMissing: (collection: string) =>
    new WixDataError(
      'WDE0025',
      `The ${collection} collection does not exist. You cannot work with a collection using code before you create it in the Editor.`,
      { collection },
    ),
  invalidArgument: (method: string, text: string) =>
    new WixDataError('WDE0075', `Invalid ${method} usage: ${text}`, { method }),
  invalidSkip: (value: unknown) =>
    new WixDataError('WDE0035', `Invalid skip argument [${show(value)}]. Skip must be a non-negative integer.`),
  invalidLimit: (value: unknown) =>
    new WixDataError('WDE0034', `Invalid limit argument [${show(value)}]. Limit must be a positive integer.`),
  limitTooLarge: (value: number) =>
    new WixDataError('WDE0036', `Invalid limit argument [${value}]. Limit cannot exceed 1000.`),
  otherCollection: (method: string, mine: string, theirs: string) =>
    new WixDataError(
      'WDE0050',
      `Invalid ${method} parameter: query for [${theirs}] used in a query for [${mine}]. Queries must be on the same collection.`,
    ),
  itemMissing: (collection: string, id: string) =>
    new WixDataError('WDE0073', `Item [${id}] does not exist in collection [${collection}].`, { collection, id }),
  itemExists: (collection: string, id: string) =>
    new WixDataError(
      'WDE0074',
      `Failed to insert item into [${collection}]. An item with _id [${id}] already exists.`,
      { collection, id },
    ),
  emptyId: (collection: string) =>
    new WixDataError('WDE0002', `Item ID must be a non-empty string in [${collection}].`, { collection }),
  bulkRemoveIds: (collection: string) =>
    new WixDataError(
      'WDE0068',
      `Failed to bulk remove items from [${collection}]. Item IDs must be an array of strings.`,
      { collection },
    ),
  bulkRemoveTooMany: (collection: string) =>
    new WixDataError(
      'WDE0069',
      `Failed to bulk remove items from [${collection}]. Cannot remove more than 1000 items in one request.`,
      { collection },
    ),
  noNextPage: () => new WixDataError('WDE0165', 'There is no next page.'),
  noPrevPage: () => new WixDataError('WDE0159', 'There is no previous page.'),
  aggregateTwice: (method: 'filter' | 'group') =>
    new WixDataError(method === 'filter' ? 'WDE0012' : 'WDE0013', `Aggregate ${method}() can only be called once.`),
  referenceArgument: (which: string) =>
    new WixDataError('WDE0019', `The ${which} must be an item with an _id or an item ID string.`),
  notMultiReference: (collection: string, field: string) =>
    new WixDataError(
      'WDE0020',
      `The [${field}] field of [${collection}] is not a multi-reference field.`,
      { collection, field },
    ),
  notReference: (collection: string, field: string) =>
    new WixDataError('WDE0021', `The [${field}] field of [${collection}] is not a reference field.`, {
      collection,
      field,
    }),
  badOptions: (method: string) =>
    new WixDataError('WDE0018', `Invalid ${method} options: options must be an object.`, { method }),
};
