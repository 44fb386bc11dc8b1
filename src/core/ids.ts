import { nanoid } from 'nanoid';

/** The default `_id`: 21 URL-safe characters from a CSPRNG (nanoid). */
export const defaultGenerateId = (): string => nanoid();
