/**
 * The one catalogue of dyad's error codes. Each message says what to do next.
 * cli/main.ts maps codes to exit codes; api/on-error.ts maps them to HTTP statuses.
 */
export const ERRORS = {
  E_USAGE: 'Bad command-line usage. Run `dyad --help` for the commands and options.',
  E_INPUT_MISSING: 'The input path does not exist. Check the path, or pass a folder of articles.',
  E_INPUT_UNREADABLE: 'The input could not be read as an article. It was skipped; the run goes on.',
  E_INPUT_SKIPPED: 'An input was skipped and --strict makes that fatal. Fix or remove it, or run without --strict.',
  E_DICT_SCHEMA: 'A dictionary entry is invalid. Fix the named file, line and field, then rerun.',
  E_DICT_MISSING: 'A dictionary file is missing. Reinstall dyad or point DYAD_DICTIONARIES at a full copy.',
  E_GOLD_FORMAT: 'The gold file is not in the expected JSONL shape ({id, published, events}).',
  E_STORE: 'The database could not be opened or written. Check the --db path and its permissions.',
  E_QUEUE: 'The Redis queue could not be reached. Check the --queue URL (redis://HOST:PORT) and that redis-server runs there.',
  E_STAGE_ORDER: 'A pipeline stage runs before the layer it requires. Fix the order in src/pipeline.ts.',
  E_BAD_PARAMETER: 'A request parameter is invalid. Fix the named parameter; /api/openapi.json lists them.',
  E_NOT_FOUND: 'Nothing is stored under that id. List what exists with /api/events or /api/search.',
  E_UNAUTHORIZED: 'Send the header `Authorization: Bearer <token>` with the token the server was given in DYAD_TOKEN.',
  E_TOKEN_UNSET: 'Writing is disabled: start `dyad serve` with DYAD_TOKEN set to a secret to accept articles.',
  E_TOO_LARGE: 'The request body is too large. Send one article of at most 2 MB per request.',
} as const

export type ErrorCode = keyof typeof ERRORS

/** An error a user can act on: a stable code, a message, and the advice from the catalogue. */
export class DyadError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, detail: string) {
    super(`${detail}\n  ${ERRORS[code]}`)
    this.code = code
    this.name = 'DyadError'
  }
}

/** True for errors dyad raised on purpose (as opposed to programming errors). */
export function isDyadError(error: unknown): error is DyadError {
  return error instanceof DyadError
}
