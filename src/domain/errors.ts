/**
 * Expected failures carry a stable code that clients may switch on; the API edge copies it to
 * `extensions.code`. Anything that is not a DomainError is masked as INTERNAL_SERVER_ERROR.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  /** A partner system (e.g. a library's ILS) did not answer; the data beside the error is the last known. */
  PARTNER_UNAVAILABLE = 'PARTNER_UNAVAILABLE',
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** An argument the client sent is unusable; names the argument and echoes the value received. */
export class InvalidArgumentError extends DomainError {
  constructor(argument: string, value: unknown, expected: string) {
    super(
      ErrorCode.BAD_USER_INPUT,
      `Invalid value for argument "${argument}": ${JSON.stringify(value)}. Expected ${expected}.`,
      { argument },
    );
    this.name = 'InvalidArgumentError';
  }
}
