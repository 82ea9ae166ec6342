export type AuditErrorCode = 'invalid_entry' | 'invalid_schema_name' | 'invalid_limit';

export class AuditError extends Error {
  override readonly name = 'AuditError';
  readonly code: AuditErrorCode;

  constructor(code: AuditErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
