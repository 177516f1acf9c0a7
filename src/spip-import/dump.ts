/**
 * Streaming reader of MySQL dumps (mysqldump, mariadb-dump, phpMyAdmin, Adminer), parsed in Node: the
 * person importing a SPIP site has a `.sql` (or `.sql.gz`) file, not a MySQL server.
 *
 * Two layers, both linear in the size of the file:
 *  - a splitter cuts the byte stream into statements, tracking quotes, comments and the DELIMITER
 *    client command; only the statement being read is held in memory;
 *  - each statement is parsed: CREATE TABLE gives the column names (to map positional VALUES),
 *    INSERT / REPLACE give rows, SET NAMES / character_set_client give the charset. Everything else
 *    (DROP, LOCK, ALTER, triggers, routines, views…) is skipped.
 *
 * Strings are decoded per value: valid UTF-8 is read as UTF-8 (also in a latin1 dump: old SPIP sites
 * stored UTF-8 in latin1 tables), anything else as cp1252 (MySQL's "latin1"), so nothing is mojibaked.
 * MySQL escapes follow the server: \0 \' \" \b \n \r \t \Z \\, while \% and \_ keep their backslash.
 * Hex literals and _binary strings come back as Buffers (see `sqlText`).
 */
import { isUtf8 } from 'node:buffer'
import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { createGunzip } from 'node:zlib'

import { SpipDumpError } from './errors'

export type SqlValue = string | number | null | Buffer

export interface ColumnDef {
  name: string
  /** Base type, lower case: `bigint`, `varchar`, `text`, `datetime`, `enum`… */
  type: string
}

export interface TableDef {
  name: string
  columns: ColumnDef[]
  line: number
}

export interface DumpHandler {
  /** Whether this table's rows are wanted; other rows are only checked, not decoded. Default: all. */
  wantRows?(table: string): boolean
  onTable?(table: TableDef): void
  onRow?(table: string, columns: readonly string[], values: SqlValue[], line: number): void
}

export interface DumpStats {
  bytes: number
  lines: number
  statements: number
  /** Tables met in CREATE TABLE or INSERT, in dump order. */
  tables: string[]
  /** Rows handed to `onRow`, and rows only checked. */
  rows: number
  skippedRows: number
  /** Charset declared by the dump (SET NAMES / character_set_client), normalised: utf8, latin1… */
  charset: string | null
  tool: 'mysqldump' | 'phpmyadmin' | 'adminer' | null
  /** mysqldump's closing "-- Dump completed" line was seen. */
  completed: boolean
  crlf: boolean
  gzip: boolean
  /** Strings that were not valid UTF-8 and were read as cp1252. */
  nonUtf8Values: number
  warnings: string[]
}

/** A value as text: Buffers (hex, _binary) decoded as UTF-8 when valid, cp1252 otherwise. */
export function sqlText(value: SqlValue | undefined): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  return isUtf8(value) ? value.toString('utf8') : cp1252(value)
}

// cp1252 differs from ISO-8859-1 on 0x80–0x9F (the 5 holes are kept as C1 controls, as MySQL does).
// Node's TextDecoder('windows-1252') decodes ISO-8859-1, hence this table.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function cp1252(bytes: Buffer): string {
  const s = bytes.toString('latin1')
  return /[\u0080-\u009f]/.test(s) ? s.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]) : s
}

function normaliseCharset(name: string): string {
  const n = name.toLowerCase().replace(/^['"`]|['"`]$/g, '')
  if (n === 'utf8' || n === 'utf8mb3' || n === 'utf8mb4') return 'utf8'
  if (n === 'latin1' || n === 'cp1252') return 'latin1'
  return n
}

// --- bytes -----------------------------------------------------------------------------------------

const LF = 10
const CR = 13
const SPACE = 32
const SQUOTE = 39
const DQUOTE = 34
const BACKTICK = 96
const BACKSLASH = 92
const HASH = 35
const DASH = 45
const SLASH = 47
const STAR = 42
const BANG = 33
const LPAREN = 40
const RPAREN = 41
const COMMA = 44

const isSpace = (b: number) => b === SPACE || (b >= 9 && b <= 13)
const isDigit = (b: number) => b >= 48 && b <= 57
const isWordByte = (b: number) =>
  (b >= 97 && b <= 122) || (b >= 65 && b <= 90) || isDigit(b) || b === 95 || b === 36 || b >= 128

function countLines(buf: Buffer, from = 0, to = buf.length): number {
  let n = 0
  let i = buf.indexOf(LF, from)
  while (i !== -1 && i < to) {
    n++
    i = buf.indexOf(LF, i + 1)
  }
  return n
}

/** Statement keywords after which a file is taken for SQL; anything else first means "not a dump". */
const SQL_FIRST_WORDS = new Set([
  'SET', 'DROP', 'CREATE', 'INSERT', 'REPLACE', 'LOCK', 'UNLOCK', 'ALTER', 'USE', 'START', 'BEGIN', 'COMMIT',
  'TRUNCATE', 'DELETE', 'UPDATE', 'SELECT',
])
const IGNORED_WORDS = new Set([
  ...SQL_FIRST_WORDS, 'ROLLBACK', 'ANALYZE', 'OPTIMIZE', 'FLUSH', 'GRANT', 'REVOKE', 'SHOW', 'SAVEPOINT', 'RELEASE',
  'RENAME', 'CALL', 'DO', 'XA', 'CHECK', 'REPAIR', 'LOAD',
])
const KEY_WORDS = new Set(['PRIMARY', 'KEY', 'INDEX', 'UNIQUE', 'CONSTRAINT', 'FULLTEXT', 'SPATIAL', 'FOREIGN', 'CHECK', 'PERIOD'])

const enum State {
  Normal,
  Single,
  Double,
  Backtick,
  LineComment,
  BlockComment,
}

/** Bytes kept back at the end of a chunk so that short tokens (`/*!`, `--`, `\'`, `;;`) never straddle. */
const LOOKAHEAD = 32
/** A first "statement" this long without a terminator is not SQL (a binary or a text file). */
const FIRST_STATEMENT_MAX = 4 << 20

export class DumpParser {
  private readonly handler: DumpHandler
  private readonly tables = new Map<string, TableDef>()
  private readonly tableOrder: string[] = []
  private readonly seenTables = new Set<string>()
  private readonly warnings: string[] = []
  private readonly unknownStatements = new Map<string, number>()

  // splitter
  private carry: Buffer = Buffer.alloc(0)
  private parts: Buffer[] = []
  private partsBytes = 0
  private state = State.Normal
  private content = false
  private delimiter = Buffer.from(';')
  private line = 1

  // statement parser
  private s: Buffer = Buffer.alloc(0)
  private pos = 0
  private stmtLine = 1
  private lineScanPos = 0
  private lineScanLine = 1
  private condDepth = 0

  // file facts
  private bytes = 0
  private head = ''
  private tail: Buffer = Buffer.alloc(0)
  private crlf: boolean | null = null
  private names: string | null = null
  private charset: string | null = null
  private statements = 0
  private sqlStatements = 0
  private rows = 0
  private skippedRows = 0
  private nonUtf8Values = 0
  private unknownCharsetWarned = false
  gzip = false

  constructor(handler: DumpHandler = {}) {
    this.handler = handler
  }

  write(chunk: Buffer): void {
    if (this.bytes === 0) this.checkStart(chunk)
    this.bytes += chunk.length
    if (this.head.length < 2048) this.head += chunk.subarray(0, 2048).toString('latin1')
    this.tail = chunk.length >= 256 ? chunk.subarray(chunk.length - 256) : Buffer.concat([this.tail, chunk]).subarray(-256)
    if (this.crlf === null) {
      const lf = chunk.indexOf(LF)
      if (lf !== -1) this.crlf = lf > 0 ? chunk[lf - 1] === CR : this.carry[this.carry.length - 1] === CR
    }
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk
    this.scan(buf, false)
  }

  end(): DumpStats {
    this.scan(this.carry, true)
    if ((this.state !== State.Normal && this.state !== State.LineComment) || this.content) {
      const pending = Buffer.concat(this.parts)
      if (this.sqlStatements === 0) this.notSql(pending)
      let first = 0
      while (first < pending.length && isSpace(pending[first])) first++
      const line = this.line + countLines(pending, 0, first)
      const start = pending.subarray(first, first + 60).toString('utf8').split('\n')[0]
      throw new SpipDumpError(
        'TRUNCATED',
        `le fichier est tronqué : l'instruction qui commence ici (« ${start}… ») n'est pas terminée à la fin du fichier. ` +
          `Refaites l'export complet de la base.`,
        line,
      )
    }
    if (this.sqlStatements === 0) this.notSql(Buffer.from(this.head, 'latin1'))
    const completed = /--\s*Dump completed/.test(this.tail.toString('latin1'))
    const tool = /^(?:\/\*M![^\n]*\n)?--\s*(?:MySQL|MariaDB) dump/m.test(this.head)
      ? 'mysqldump'
      : /--\s*phpMyAdmin SQL Dump/.test(this.head)
        ? 'phpmyadmin'
        : /--\s*Adminer/.test(this.head)
          ? 'adminer'
          : null
    if (tool === 'mysqldump' && !completed) {
      this.warnings.push(
        "Le fichier ne se termine pas par la ligne « -- Dump completed » de mysqldump : l'export a peut-être été interrompu.",
      )
    }
    for (const [word, count] of this.unknownStatements) {
      this.warnings.push(`${count} instruction(s) « ${word} » ignorée(s).`)
    }
    if (this.nonUtf8Values > 0 && this.charset === 'utf8') {
      this.warnings.push(
        `${this.nonUtf8Values} texte(s) n'étaient pas en UTF-8 bien formé malgré l'encodage déclaré : lus en latin1 (cp1252).`,
      )
    }
    return {
      bytes: this.bytes,
      lines: this.line,
      statements: this.statements,
      tables: [...this.tableOrder],
      rows: this.rows,
      skippedRows: this.skippedRows,
      charset: this.charset,
      tool,
      completed,
      crlf: this.crlf === true,
      gzip: this.gzip,
      nonUtf8Values: this.nonUtf8Values,
      warnings: [...this.warnings],
    }
  }

  // --- what the file is ---------------------------------------------------------------------------

  private checkStart(chunk: Buffer): void {
    const head = chunk.subarray(0, 512)
    const text = head.toString('latin1')
    const refuse = (why: string) => {
      throw new SpipDumpError('NOT_SQL', `ce fichier n'est pas un export SQL de base MySQL : ${why}`)
    }
    if (text.startsWith('SQLite format 3')) {
      refuse("c'est une base SQLite (la sauvegarde intégrée de SPIP 3 et 4). Exportez la base MySQL du site avec mysqldump ou phpMyAdmin.")
    }
    if (head[0] === 0x50 && head[1] === 0x4b) refuse("c'est une archive ZIP : décompressez-la d'abord.")
    if (/<mysqldump/.test(text)) refuse("c'est un export XML de mysqldump : refaites-le sans l'option --xml.")
    if (/^\s*<\?xml|^\s*<SPIP/.test(text)) {
      refuse("c'est une sauvegarde XML de SPIP 1.9 ou 2 : mettez le site à jour en SPIP 3 ou 4, puis exportez sa base MySQL.")
    }
    if (/PostgreSQL database dump/.test(text)) refuse("c'est un export PostgreSQL ; seuls les exports MySQL / MariaDB sont lus.")
    if (head.includes(0)) refuse('il contient des octets nuls (fichier binaire).')
  }

  private notSql(sample: Buffer): never {
    const text = sample.subarray(0, 200).toString('utf8').trim().split('\n')[0]
    throw new SpipDumpError(
      'NOT_SQL',
      `ce fichier n'est pas un export SQL de base MySQL (mysqldump ou phpMyAdmin)${text ? ` : il commence par « ${text.slice(0, 60)} »` : ' : il est vide'}.`,
    )
  }

  // --- splitter -----------------------------------------------------------------------------------

  private scan(buf: Buffer, final: boolean): void {
    const n = buf.length
    const limit = final ? n : n - LOOKAHEAD
    let delim = this.delimiter
    let d0 = delim[0]
    let start = 0
    let i = 0
    scan: while (i < limit) {
      switch (this.state) {
        case State.Normal: {
          const c = buf[i]
          if (c === SQUOTE || c === DQUOTE || c === BACKTICK) {
            this.state = c === SQUOTE ? State.Single : c === DQUOTE ? State.Double : State.Backtick
            this.content = true
            i++
          } else if (c === DASH && buf[i + 1] === DASH && (i + 2 >= n || buf[i + 2] <= SPACE)) {
            this.state = State.LineComment
            i += 2
          } else if (c === HASH) {
            this.state = State.LineComment
            i++
          } else if (c === SLASH && buf[i + 1] === STAR) {
            // /*!40101 … */ and /*M!100101 … */ hold SQL that MySQL runs: their content is kept.
            const m = buf[i + 2] === BANG ? 3 : buf[i + 2] === 77 && buf[i + 3] === BANG ? 4 : 0
            if (m) {
              let k = i + m
              while (k < n && isDigit(buf[k])) k++
              // …except MariaDB's client commands (`/*M!999999\- enable the sandbox mode */`).
              if (buf[k] !== BACKSLASH) {
                this.content = true
                i = k
                break
              }
            }
            this.state = State.BlockComment
            i += 2
          } else if (c === d0 && (delim.length === 1 || buf.compare(delim, 0, delim.length, i, i + delim.length) === 0)) {
            this.flush(buf, start, i, i + delim.length)
            i += delim.length
            start = i
          } else if (!this.content) {
            if (isSpace(c)) {
              i++
            } else if ((c | 0x20) === 0x64 && this.isDelimiterCommand(buf, i)) {
              const eol = buf.indexOf(LF, i)
              if (eol === -1 && !final) break scan
              const end = eol === -1 ? n : eol + 1
              const word = buf.subarray(i + 9, end).toString('latin1').trim().split(/\s+/)[0]
              if (word) this.delimiter = Buffer.from(word, 'latin1')
              delim = this.delimiter
              d0 = delim[0]
              this.flush(buf, start, end, end)
              i = end
              start = i
            } else {
              this.content = true
              i++
            }
          } else {
            i++
          }
          break
        }
        case State.Single:
        case State.Double: {
          const q = this.state === State.Single ? SQUOTE : DQUOTE
          let j = i
          while (j < limit) {
            const b = buf[j]
            if (b === q || b === BACKSLASH) break
            j++
          }
          if (j >= limit) {
            i = limit
            break
          }
          if (buf[j] === BACKSLASH) {
            i = j + 2
          } else {
            this.state = State.Normal
            i = j + 1
          }
          break
        }
        case State.Backtick: {
          const j = buf.indexOf(BACKTICK, i)
          if (j === -1 || j >= limit) {
            i = limit
            break
          }
          this.state = State.Normal
          i = j + 1
          break
        }
        case State.LineComment: {
          const j = buf.indexOf(LF, i)
          if (j === -1) {
            i = n
            break
          }
          this.state = State.Normal
          i = j + 1
          break
        }
        case State.BlockComment: {
          const j = buf.indexOf('*/', i, 'latin1')
          if (j === -1) {
            i = final ? n : Math.max(i, n - 1)
            break
          }
          this.state = State.Normal
          i = j + 2
          break
        }
      }
    }
    this.keep(buf, start, i, final)
  }

  private keep(buf: Buffer, start: number, i: number, final: boolean): void {
    const stop = Math.min(i, buf.length)
    if (stop > start) {
      this.parts.push(buf.subarray(start, stop))
      this.partsBytes += stop - start
    }
    this.carry = final ? Buffer.alloc(0) : Buffer.from(buf.subarray(stop))
    if (this.sqlStatements === 0 && this.partsBytes > FIRST_STATEMENT_MAX) this.notSql(Buffer.concat(this.parts))
  }

  private isDelimiterCommand(buf: Buffer, i: number): boolean {
    return (
      buf.toString('latin1', i, i + 9).toUpperCase() === 'DELIMITER' && (buf[i + 9] === SPACE || buf[i + 9] === 9)
    )
  }

  private flush(buf: Buffer, start: number, end: number, next: number): void {
    let stmt: Buffer
    if (this.parts.length) {
      this.parts.push(buf.subarray(start, end))
      stmt = Buffer.concat(this.parts)
      this.parts = []
      this.partsBytes = 0
    } else {
      stmt = buf.subarray(start, end)
    }
    const hadContent = this.content
    this.content = false
    const line = this.line
    this.line += countLines(stmt) + countLines(buf, end, next)
    if (hadContent) this.statement(stmt, line)
  }

  // --- statements ---------------------------------------------------------------------------------

  private statement(stmt: Buffer, line: number): void {
    this.statements++
    this.s = stmt
    this.pos = 0
    this.stmtLine = line
    this.lineScanPos = 0
    this.lineScanLine = line
    this.condDepth = 0
    this.skipSpace()
    if (this.pos >= stmt.length) return
    const keyword = this.word().toUpperCase()
    if (this.sqlStatements === 0 && !SQL_FIRST_WORDS.has(keyword)) this.notSql(stmt.subarray(this.pos - keyword.length))
    this.sqlStatements++
    if (this.delimiter.length !== 1 || this.delimiter[0] !== 59) return // trigger, procedure: not data
    switch (keyword) {
      case 'INSERT':
      case 'REPLACE':
        return this.insert()
      case 'CREATE':
        return this.create()
      case 'SET':
        return this.set()
      default:
        if (!IGNORED_WORDS.has(keyword)) {
          if (!keyword) this.syntax('instruction SQL illisible')
          this.unknownStatements.set(keyword, (this.unknownStatements.get(keyword) ?? 0) + 1)
        }
    }
  }

  private lineAt(pos: number): number {
    if (pos < this.lineScanPos) return this.stmtLine + countLines(this.s, 0, pos)
    this.lineScanLine += countLines(this.s, this.lineScanPos, pos)
    this.lineScanPos = pos
    return this.lineScanLine
  }

  private syntax(what: string, pos = this.pos): never {
    const near = this.s.subarray(pos, pos + 40).toString('utf8').split('\n')[0]
    throw new SpipDumpError('SYNTAX', `erreur de syntaxe SQL : ${what}${near ? ` (près de « ${near} »)` : ''}.`, this.lineAt(pos))
  }

  private skipSpace(): void {
    const s = this.s
    const n = s.length
    let p = this.pos
    for (;;) {
      while (p < n && isSpace(s[p])) p++
      if (p >= n) break
      const c = s[p]
      if (c === DASH && s[p + 1] === DASH && (p + 2 >= n || s[p + 2] <= SPACE)) {
        const e = s.indexOf(LF, p)
        p = e === -1 ? n : e + 1
      } else if (c === HASH) {
        const e = s.indexOf(LF, p)
        p = e === -1 ? n : e + 1
      } else if (c === SLASH && s[p + 1] === STAR) {
        const m = s[p + 2] === BANG ? 3 : s[p + 2] === 77 && s[p + 3] === BANG ? 4 : 0
        let k = p + m
        while (m && k < n && isDigit(s[k])) k++
        if (m && s[k] !== BACKSLASH) {
          this.condDepth++
          p = k
        } else {
          const e = s.indexOf('*/', p + 2, 'latin1')
          p = e === -1 ? n : e + 2
        }
      } else if (c === STAR && s[p + 1] === SLASH && this.condDepth > 0) {
        this.condDepth--
        p += 2
      } else {
        break
      }
    }
    this.pos = p
  }

  private word(): string {
    const s = this.s
    const start = this.pos
    let p = start
    while (p < s.length && isWordByte(s[p])) p++
    this.pos = p
    return s.toString('utf8', start, p)
  }

  private peekWord(): string {
    const save = this.pos
    const w = this.word()
    this.pos = save
    return w.toUpperCase()
  }

  /** An identifier, `quoted`, "quoted" or bare; `db`.`table` gives the table. */
  private identifier(): string {
    let name = this.identifierPart()
    while (this.s[this.pos] === 46) {
      this.pos++
      name = this.identifierPart()
    }
    return name
  }

  private identifierPart(): string {
    const s = this.s
    const q = s[this.pos]
    if (q === BACKTICK || q === DQUOTE) {
      let out = ''
      let p = this.pos + 1
      for (;;) {
        const e: number = s.indexOf(q, p)
        if (e === -1) this.syntax('identifiant non terminé')
        out += s.toString('utf8', p, e)
        if (s[e + 1] === q) {
          out += String.fromCharCode(q)
          p = e + 2
        } else {
          this.pos = e + 1
          return out
        }
      }
    }
    const w = this.word()
    if (!w) this.syntax('nom de table ou de colonne attendu')
    return w
  }

  private expect(byte: number, what: string): void {
    this.skipSpace()
    if (this.s[this.pos] !== byte) this.syntax(`« ${what} » attendu`)
    this.pos++
  }

  private noteTable(name: string): void {
    if (!this.seenTables.has(name)) {
      this.seenTables.add(name)
      this.tableOrder.push(name)
    }
  }

  // CREATE [TEMPORARY] TABLE [IF NOT EXISTS] name (…) — anything else CREATE is skipped.
  private create(): void {
    this.skipSpace()
    let w = this.word().toUpperCase()
    if (w === 'TEMPORARY') {
      this.skipSpace()
      w = this.word().toUpperCase()
    }
    if (w !== 'TABLE') return
    const line = this.lineAt(this.pos)
    this.skipSpace()
    if (this.peekWord() === 'IF') {
      this.word()
      this.skipSpace()
      this.word() // NOT
      this.skipSpace()
      this.word() // EXISTS
      this.skipSpace()
    }
    const name = this.identifier()
    this.skipSpace()
    if (this.s[this.pos] !== LPAREN) return // CREATE TABLE … LIKE / AS SELECT
    this.pos++
    const columns: ColumnDef[] = []
    for (;;) {
      this.skipSpace()
      const c = this.s[this.pos]
      if (c === RPAREN) break
      if (c === undefined) this.syntax('définition de table non terminée')
      const quoted = c === BACKTICK || c === DQUOTE
      const first = this.identifierPart()
      if (quoted || !KEY_WORDS.has(first.toUpperCase())) {
        this.skipSpace()
        columns.push({ name: first, type: this.word().toLowerCase() })
      }
      if (this.skipDefinition() === RPAREN) break
    }
    this.pos++
    const def: TableDef = { name, columns, line }
    this.tables.set(name, def)
    this.noteTable(name)
    this.handler.onTable?.(def)
  }

  /** Skips to the `,` or `)` closing a column or key definition; returns that byte. */
  private skipDefinition(): number {
    const s = this.s
    let depth = 0
    for (;;) {
      this.skipSpace()
      const c = s[this.pos]
      if (c === undefined) this.syntax('définition de table non terminée')
      if (c === SQUOTE || c === DQUOTE) {
        this.quoted(c, false)
        continue
      }
      if (c === BACKTICK) {
        this.identifierPart()
        continue
      }
      if (c === LPAREN) depth++
      else if (c === RPAREN) {
        if (depth === 0) return c
        depth--
      } else if (c === COMMA && depth === 0) {
        this.pos++
        return c
      }
      this.pos++
    }
  }

  // SET NAMES x / SET CHARACTER SET x / SET character_set_client = x (mysqldump wraps each CREATE TABLE in
  // `SET character_set_client = utf8mb4` … `= @saved_cs_client`).
  private set(): void {
    for (;;) {
      this.skipSpace()
      const start = this.pos
      while (this.pos < this.s.length && (isWordByte(this.s[this.pos]) || this.s[this.pos] === 64 || this.s[this.pos] === 46)) {
        this.pos++
      }
      const name = this.s
        .toString('latin1', start, this.pos)
        .toLowerCase()
        .replace(/^@@(session\.|global\.)?/, '')
        .replace(/^(session|global|local)\s*/, '')
      this.skipSpace()
      if (name === 'session' || name === 'local') continue
      if (name === 'names' || name === 'character' || name === 'charset') {
        if (name === 'character') {
          this.skipSpace()
          this.word() // SET
          this.skipSpace()
        }
        const value = this.setValue()
        if (!value.startsWith('@') && value.toLowerCase() !== 'default') {
          this.names = normaliseCharset(value)
          this.setCharset(this.names)
        }
        return
      }
      if (this.s[this.pos] === 61 || (this.s[this.pos] === 58 && this.s[this.pos + 1] === 61)) {
        this.pos += this.s[this.pos] === 61 ? 1 : 2
        this.skipSpace()
        const value = this.setValue()
        if (name === 'character_set_client') {
          if (value.startsWith('@')) {
            if (this.names) this.setCharset(this.names)
          } else {
            this.setCharset(normaliseCharset(value))
          }
        }
      } else {
        return
      }
      this.skipSpace()
      if (this.s[this.pos] !== COMMA) return
      this.pos++
    }
  }

  private setValue(): string {
    const c = this.s[this.pos]
    if (c === SQUOTE || c === DQUOTE) return sqlText(this.quoted(c, true))
    const start = this.pos
    while (this.pos < this.s.length && !isSpace(this.s[this.pos]) && this.s[this.pos] !== COMMA && this.s[this.pos] !== STAR) {
      this.pos++
    }
    return this.s.toString('latin1', start, this.pos)
  }

  private setCharset(charset: string): void {
    this.charset = charset
    if (charset !== 'utf8' && charset !== 'latin1' && charset !== 'binary' && !this.unknownCharsetWarned) {
      this.unknownCharsetWarned = true
      this.warnings.push(
        `Encodage « ${charset} » non prévu : les textes en UTF-8 valide sont lus en UTF-8, les autres en latin1.`,
      )
    }
  }

  // INSERT [LOW_PRIORITY|DELAYED|HIGH_PRIORITY] [IGNORE] [INTO] t [(cols)] VALUES (…),(…) [ON DUPLICATE KEY …]
  private insert(): void {
    let w: string
    do {
      this.skipSpace()
      w = this.peekWord()
      if (w === 'LOW_PRIORITY' || w === 'DELAYED' || w === 'HIGH_PRIORITY' || w === 'IGNORE' || w === 'INTO') this.word()
    } while (w === 'LOW_PRIORITY' || w === 'DELAYED' || w === 'HIGH_PRIORITY' || w === 'IGNORE' || w === 'INTO')
    const table = this.identifier()
    this.noteTable(table)
    this.skipSpace()
    let columns: string[] | undefined
    if (this.s[this.pos] === LPAREN) {
      this.pos++
      this.skipSpace()
      if (this.peekWord() === 'SELECT') return this.unsupportedInsert(table, 'INSERT … SELECT')
      columns = []
      for (;;) {
        this.skipSpace()
        if (this.s[this.pos] === RPAREN) break
        columns.push(this.identifier())
        this.skipSpace()
        if (this.s[this.pos] === COMMA) this.pos++
        else if (this.s[this.pos] !== RPAREN) this.syntax('liste de colonnes mal formée')
      }
      this.pos++
      this.skipSpace()
    }
    const kw = this.word().toUpperCase()
    if (kw !== 'VALUES' && kw !== 'VALUE') {
      if (kw === 'SET' || kw === 'SELECT') return this.unsupportedInsert(table, `INSERT … ${kw}`)
      this.syntax('« VALUES » attendu')
    }
    const want = this.handler.wantRows ? this.handler.wantRows(table) : true
    if (want && !columns) {
      columns = this.tables.get(table)?.columns.map((c) => c.name)
      if (!columns) {
        this.syntax(
          `la table \`${table}\` reçoit des lignes sans liste de colonnes, et sa structure (CREATE TABLE) ne précède pas`,
        )
      }
    }
    const s = this.s
    for (;;) {
      this.skipSpace()
      const tupleAt = this.pos
      if (s[this.pos] !== LPAREN) this.syntax('« ( » attendu')
      this.pos++
      const values: SqlValue[] = []
      for (;;) {
        this.skipSpace()
        if (s[this.pos] === RPAREN && values.length === 0) break
        const v = this.value(want)
        if (want) values.push(v)
        this.skipSpace()
        const c = s[this.pos]
        if (c === COMMA) {
          this.pos++
          continue
        }
        if (c === RPAREN) break
        this.syntax('« , » ou « ) » attendu')
      }
      this.pos++
      if (want) {
        if (values.length !== columns!.length) {
          this.syntax(`${values.length} valeurs pour les ${columns!.length} colonnes de \`${table}\``, tupleAt)
        }
        this.rows++
        this.handler.onRow?.(table, columns!, values, this.lineAt(tupleAt))
      } else {
        this.skippedRows++
      }
      this.skipSpace()
      if (s[this.pos] === COMMA) {
        this.pos++
        continue
      }
      if (this.pos >= s.length) return
      const next = this.peekWord()
      if (next === 'ON' || next === 'AS') return
      this.syntax('« , » ou fin d\'instruction attendu')
    }
  }

  private unsupportedInsert(table: string, form: string): void {
    this.warnings.push(`Ligne ${this.stmtLine} : ${form} dans \`${table}\` ignoré (forme non lue).`)
  }

  private value(decode: boolean): SqlValue {
    const s = this.s
    const c = s[this.pos]
    if (c === SQUOTE || c === DQUOTE) return this.quoted(c, decode)
    if (isDigit(c) || c === DASH || c === 43 || c === 46) {
      if (c === 48 && (s[this.pos + 1] === 120 || s[this.pos + 1] === 88)) return this.hex0x()
      if (c === 48 && s[this.pos + 1] === 98) return this.bits0b()
      return this.number()
    }
    const lower = c | 0x20
    if ((lower === 120 || lower === 98) && s[this.pos + 1] === SQUOTE) {
      this.pos++
      const raw = this.quoted(SQUOTE, true, true) as Buffer
      return lower === 120 ? this.hexBytes(raw.toString('latin1')) : this.bitsValue(raw.toString('latin1'))
    }
    if (lower === 110 && s[this.pos + 1] === SQUOTE) {
      this.pos++
      return this.quoted(SQUOTE, decode)
    }
    if (c === 95) {
      // _binary'…', _utf8mb4'…', _latin1 0x…: a charset introducer.
      const charset = this.word().slice(1).toLowerCase()
      this.skipSpace()
      const q = s[this.pos]
      let v: SqlValue
      if (q === SQUOTE || q === DQUOTE) v = this.quoted(q, true, true)
      else v = this.value(true)
      if (!Buffer.isBuffer(v) || charset === 'binary') return v
      return charset === 'latin1' ? this.decodeLatin1(v) : v.toString('utf8')
    }
    const w = this.word().toUpperCase()
    if (w === 'NULL' || w === 'DEFAULT') return null
    if (w === 'TRUE') return 1
    if (w === 'FALSE') return 0
    if (w === 'CURRENT_TIMESTAMP' || w === 'NOW') {
      this.skipSpace()
      if (s[this.pos] === LPAREN) {
        this.pos++
        this.expect(RPAREN, ')')
      }
      return null
    }
    if (w) this.pos -= Buffer.byteLength(w)
    this.syntax('valeur attendue')
  }

  private number(): number | string {
    const s = this.s
    const start = this.pos
    let p = start + 1
    while (p < s.length) {
      const b = s[p]
      if (isDigit(b) || b === 46 || b === 101 || b === 69 || ((b === 43 || b === DASH) && (s[p - 1] | 0x20) === 101)) p++
      else break
    }
    this.pos = p
    const text = s.toString('latin1', start, p)
    const n = Number(text)
    if (Number.isNaN(n)) this.syntax('nombre mal formé', start)
    if (!Number.isSafeInteger(n) && /^[+-]?\d+$/.test(text)) return text
    return n
  }

  private hex0x(): Buffer {
    const s = this.s
    const start = this.pos + 2
    let p = start
    while (p < s.length && /[0-9a-fA-F]/.test(String.fromCharCode(s[p]))) p++
    this.pos = p
    return this.hexBytes(s.toString('latin1', start, p))
  }

  private hexBytes(hex: string): Buffer {
    if (!/^[0-9a-fA-F]*$/.test(hex)) this.syntax('littéral hexadécimal mal formé')
    return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex')
  }

  private bits0b(): number {
    const s = this.s
    const start = this.pos + 2
    let p = start
    while (p < s.length && (s[p] === 48 || s[p] === 49)) p++
    this.pos = p
    return this.bitsValue(s.toString('latin1', start, p))
  }

  private bitsValue(bits: string): number {
    if (!/^[01]*$/.test(bits)) this.syntax('littéral binaire mal formé')
    return bits ? parseInt(bits, 2) : 0
  }

  /**
   * A quoted string at `pos`. Returns its text (or bytes when `asBytes`), or null without decoding
   * when `decode` is false (rows not wanted).
   */
  private quoted(q: number, decode: boolean, asBytes = false): SqlValue {
    const s = this.s
    const n = s.length
    const start = this.pos + 1
    let i = start
    let plain = true
    for (;;) {
      if (i >= n) this.syntax('chaîne non terminée', this.pos)
      const b = s[i]
      if (b === q) {
        if (s[i + 1] !== q) break
        plain = false
        i += 2
      } else if (b === BACKSLASH) {
        plain = false
        i += 2
      } else {
        if (b === CR && this.crlf) plain = false
        i++
      }
    }
    this.pos = i + 1
    if (!decode) return null
    let bytes: Buffer
    if (plain) {
      if (!asBytes) return this.decode(s, start, i)
      bytes = Buffer.from(s.subarray(start, i))
    } else {
      bytes = this.unescape(start, i, q)
      if (!asBytes) return this.decode(bytes, 0, bytes.length)
    }
    return bytes
  }

  private unescape(start: number, end: number, q: number): Buffer {
    const s = this.s
    const out = Buffer.allocUnsafe(end - start)
    let o = 0
    for (let i = start; i < end; i++) {
      const b = s[i]
      if (b === BACKSLASH) {
        const e = s[++i]
        switch (e) {
          case 48: out[o++] = 0; break // \0
          case 98: out[o++] = 8; break // \b
          case 110: out[o++] = LF; break // \n
          case 114: out[o++] = CR; break // \r
          case 116: out[o++] = 9; break // \t
          case 90: out[o++] = 26; break // \Z
          case 37: // \% and \_ keep their backslash outside LIKE patterns
          case 95:
            out[o++] = BACKSLASH
            out[o++] = e
            break
          default:
            out[o++] = e // \\ \' \" and any other character
        }
      } else if (b === q) {
        out[o++] = q // '' inside '…'
        i++
      } else if (b === CR && this.crlf && s[i + 1] === LF) {
        // A raw line break inside a string of a file converted to Windows line endings.
      } else {
        out[o++] = b
      }
    }
    return out.subarray(0, o)
  }

  private decode(buf: Buffer, start: number, end: number): string {
    const sub = start === 0 && end === buf.length ? buf : buf.subarray(start, end)
    if (isUtf8(sub)) return buf.toString('utf8', start, end)
    this.nonUtf8Values++
    return cp1252(sub)
  }

  private decodeLatin1(bytes: Buffer): string {
    return cp1252(bytes)
  }
}

/** Parses a whole dump held in memory (tests, small files). */
export function parseDump(input: string | Buffer, handler: DumpHandler = {}): DumpStats {
  const parser = new DumpParser(handler)
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : input
  if (buf.length) parser.write(buf)
  return parser.end()
}

/** Streams a dump file (`.sql` or gzip-compressed `.sql.gz`) through the parser. */
export async function parseDumpFile(path: string, handler: DumpHandler = {}): Promise<DumpStats> {
  const fh = await open(path, 'r')
  const magic = Buffer.alloc(2)
  try {
    await fh.read(magic, 0, 2, 0)
  } finally {
    await fh.close()
  }
  const parser = new DumpParser(handler)
  let source: Readable = createReadStream(path, { highWaterMark: 1 << 20 })
  if (magic[0] === 0x1f && magic[1] === 0x8b) {
    parser.gzip = true
    source = source.pipe(createGunzip())
  }
  try {
    for await (const chunk of source) parser.write(chunk as Buffer)
  } catch (error) {
    if (error instanceof SpipDumpError) throw error
    if ((error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(String(error))) {
      throw new SpipDumpError('TRUNCATED', "l'archive gzip est tronquée : refaites l'export complet de la base.")
    }
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_')) {
      throw new SpipDumpError('NOT_SQL', `l'archive gzip est illisible (${(error as Error).message}).`)
    }
    throw error
  }
  return parser.end()
}
