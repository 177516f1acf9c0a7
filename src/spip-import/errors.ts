/** Why a dump is refused. Every message is French, for the person running the import. */
export type SpipDumpErrorCode =
  | 'NOT_SQL'
  | 'TRUNCATED'
  | 'SYNTAX'
  | 'NO_SPIP'
  | 'AMBIGUOUS_PREFIX'
  | 'UNKNOWN_VERSION'

export class SpipDumpError extends Error {
  readonly code: SpipDumpErrorCode
  /** 1-based line of the dump the error is about, when there is one. */
  readonly line?: number

  constructor(code: SpipDumpErrorCode, message: string, line?: number) {
    super(line === undefined ? message : `Ligne ${line} : ${message}`)
    this.name = 'SpipDumpError'
    this.code = code
    this.line = line
  }
}
