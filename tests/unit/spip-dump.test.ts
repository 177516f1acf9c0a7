import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

import { afterAll, describe, expect, it } from 'vitest'

import { DumpParser, parseDump, parseDumpFile, sqlText, type DumpHandler, type SqlValue } from '../../src/spip-import/dump'
import { SpipDumpError } from '../../src/spip-import/errors'

const LABO = 'tests/fixtures/spip/labo/spip_labo.sql'

interface Got {
  table: string
  row: Record<string, SqlValue>
  line: number
}

function rows(input: string | Buffer, handler: Partial<DumpHandler> = {}) {
  const got: Got[] = []
  const stats = parseDump(input, {
    ...handler,
    onRow(table, columns, values, line) {
      const row: Record<string, SqlValue> = {}
      columns.forEach((c, i) => (row[c] = values[i]))
      got.push({ table, row, line })
    },
  })
  return { got, stats, values: got.map((g) => g.row) }
}

function error(run: () => unknown): SpipDumpError {
  try {
    run()
  } catch (e) {
    if (e instanceof SpipDumpError) return e
    throw e
  }
  throw new Error('no SpipDumpError thrown')
}

const T = 'CREATE TABLE `t` (\n  `a` text NOT NULL,\n  `b` text\n) ENGINE=MyISAM;\n'

describe('mysqldump parser: values', () => {
  it('decodes every MySQL string escape; \\% and \\_ keep their backslash, as outside LIKE', () => {
    const { values } = rows(`${T}INSERT INTO \`t\` VALUES ('a\\0b\\'c\\"d\\be\\nf\\rg\\th\\Zi\\\\j\\%k\\_l\\qm','x');`)
    expect(values[0].a).toBe('a\0b\'c"d\be\nf\rg\th\x1ai\\j\\%k\\_lqm')
  })

  it("reads '' doubling, double-quoted strings and semicolons or comment markers inside strings", () => {
    const { values } = rows(`${T}INSERT INTO t VALUES ('it''s; -- not /* a */ comment',"say ""hi"" \\"x\\"");`)
    expect(values[0]).toEqual({ a: "it's; -- not /* a */ comment", b: 'say "hi" "x"' })
  })

  it('reads NULL, integers, decimals, exponents; integers beyond 2^53 stay exact as strings', () => {
    const sql = 'CREATE TABLE n (a int, b int, c double, d double, e bigint, f int, g int);\n'
    const { values } = rows(`${sql}INSERT INTO n VALUES (NULL,-12,1.5,2e3,12345678901234567890,TRUE,FALSE);`)
    expect(values[0]).toEqual({ a: null, b: -12, c: 1.5, d: 2000, e: '12345678901234567890', f: 1, g: 0 })
  })

  it('returns _binary strings and hex literals as bytes, and decodes charset introducers', () => {
    const sql = 'CREATE TABLE h (a blob, b blob, c blob, d text, e text, f int);\n'
    const { values } = rows(`${sql}INSERT INTO h VALUES (_binary '\\0\\n\\'',0x48C3A9,X'4869',_utf8mb4'\u00e9t\u00e9',_latin1 0xE9,b'101');`)
    expect(values[0].a).toEqual(Buffer.from([0, 10, 39]))
    expect(values[0].b).toEqual(Buffer.from('Hé'))
    expect(sqlText(values[0].b)).toBe('Hé')
    expect(values[0].c).toEqual(Buffer.from('Hi'))
    expect(values[0].d).toBe('été')
    expect(values[0].e).toBe('é')
    expect(values[0].f).toBe(5)
    expect(sqlText(Buffer.from([0xe9, 0x80]))).toBe('é€')
  })

  it('maps rows by the INSERT column list when there is one, else by CREATE TABLE', () => {
    const { values } = rows(`${T}INSERT INTO t (b, a) VALUES ('B','A'),\n('b2','a2');\nINSERT INTO t VALUES ('x','y');`)
    expect(values).toEqual([{ a: 'A', b: 'B' }, { a: 'a2', b: 'b2' }, { a: 'x', b: 'y' }])
  })

  it('reads REPLACE, INSERT IGNORE, db-qualified names and ON DUPLICATE KEY UPDATE tails', () => {
    const { got } = rows(
      `${T}REPLACE INTO t VALUES ('1','r');\nINSERT IGNORE INTO \`db\`.\`t\` VALUES ('2','i');\n` +
        "INSERT INTO t VALUES ('3','u') ON DUPLICATE KEY UPDATE b=VALUES(b);",
    )
    expect(got.map((g) => [g.table, g.row.a])).toEqual([['t', '1'], ['t', '2'], ['t', '3']])
  })

  it('gives each row the line it starts on', () => {
    const { got } = rows(`${T}INSERT INTO t VALUES\n('1','x'),\n('2','y');`)
    expect(got.map((g) => g.line)).toEqual([6, 7])
  })
})

describe('mysqldump parser: statements', () => {
  it('skips comments of every kind and keeps the SQL of /*!…*/ conditional comments', () => {
    const sql =
      '-- comment\n# hash comment\n/* block ; comment */\n/*!40101 SET NAMES latin1 */;\n--\n' +
      `${T}/*!40000 ALTER TABLE \`t\` DISABLE KEYS */;\nINSERT /* inline */ INTO t VALUES ('1', -- trailing\n'2');`
    const { values, stats } = rows(sql)
    expect(values).toEqual([{ a: '1', b: '2' }])
    expect(stats.charset).toBe('latin1')
  })

  it("ignores MariaDB's sandbox line, LOCK/UNLOCK, SET, DROP, START TRANSACTION and ALTER", () => {
    const sql =
      '/*M!999999\\- enable the sandbox mode */ \n-- MariaDB dump 10.19\nSET AUTOCOMMIT = 0;\nSTART TRANSACTION;\n' +
      `DROP TABLE IF EXISTS \`t\`;\n${T}LOCK TABLES \`t\` WRITE;\nINSERT INTO t VALUES ('1','2');\nUNLOCK TABLES;\n` +
      'ALTER TABLE `t` ADD PRIMARY KEY (`a`);\nCOMMIT;\n'
    const { values, stats } = rows(sql)
    expect(values).toEqual([{ a: '1', b: '2' }])
    expect(stats.warnings).toEqual([
      "Le fichier ne se termine pas par la ligne « -- Dump completed » de mysqldump : l'export a peut-être été interrompu.",
    ])
  })

  it('skips triggers and procedures inside DELIMITER blocks, INSERTs in their bodies included', () => {
    const sql =
      `${T}DELIMITER ;;\n/*!50003 CREATE*/ /*!50003 TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN\n` +
      "  INSERT INTO t VALUES ('trigger','body'); SET @x = 1;\nEND */;;\n" +
      "CREATE PROCEDURE p() BEGIN INSERT INTO t VALUES ('proc','body'); END ;;\nDELIMITER ;\n" +
      "INSERT INTO t VALUES ('after','delimiter');"
    expect(rows(sql).values).toEqual([{ a: 'after', b: 'delimiter' }])
  })

  it('reads column names and base types of CREATE TABLE, keys and comments aside', () => {
    const tables: unknown[] = []
    parseDump(
      'CREATE TABLE IF NOT EXISTS `x` (\n  `id` bigint(21) NOT NULL AUTO_INCREMENT,\n' +
        "  `e` enum('a,b','c)') DEFAULT 'a,b' COMMENT 'x, y',\n  statut varchar(10) NOT NULL DEFAULT '0',\n" +
        '  PRIMARY KEY (`id`),\n  KEY `k` (`statut`,`e`),\n  UNIQUE KEY `u` (`e`)\n) ENGINE=MyISAM;',
      { onTable: (t) => tables.push(t) },
    )
    expect(tables).toEqual([
      {
        name: 'x',
        line: 1,
        columns: [
          { name: 'id', type: 'bigint' },
          { name: 'e', type: 'enum' },
          { name: 'statut', type: 'varchar' },
        ],
      },
    ])
  })

  it('checks but does not decode the rows of unwanted tables', () => {
    const { got, stats } = rows(`INSERT INTO other VALUES ('x');\n${T}INSERT INTO t VALUES ('1','2');`, {
      wantRows: (t) => t === 't',
    })
    expect(got).toHaveLength(1)
    expect(stats).toMatchObject({ rows: 1, skippedRows: 1, tables: ['other', 't'] })
  })

  it('gives the same rows whatever the chunk boundaries (streaming)', () => {
    const sql = readFileSync(LABO)
    const whole = rows(sql).values
    for (const size of [1, 7, 33, 4096]) {
      const got: Record<string, SqlValue>[] = []
      const parser = new DumpParser({
        onRow(_t, columns, values) {
          const row: Record<string, SqlValue> = {}
          columns.forEach((c, i) => (row[c] = values[i]))
          got.push(row)
        },
      })
      for (let i = 0; i < sql.length; i += size) parser.write(sql.subarray(i, i + size))
      const stats = parser.end()
      expect(stats.completed).toBe(true)
      expect(got).toEqual(whole)
    }
    expect(whole).toHaveLength(535)
  })
})

describe('mysqldump parser: charsets and line endings', () => {
  it('reads a latin1 dump as cp1252, and UTF-8 stored in it as UTF-8', () => {
    const sql = Buffer.concat([
      Buffer.from(`/*!40101 SET NAMES latin1 */;\n${T}INSERT INTO t VALUES ('`, 'latin1'),
      Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x80, 0x20, 0x9c]), // "Café € œ" in cp1252
      Buffer.from("','"),
      Buffer.from('déjà « UTF-8 »', 'utf8'),
      Buffer.from("');"),
    ])
    const { values, stats } = rows(sql)
    expect(values[0]).toEqual({ a: 'Café € œ', b: 'déjà « UTF-8 »' })
    expect(stats).toMatchObject({ charset: 'latin1', warnings: [] })
  })

  it('follows character_set_client back to SET NAMES after each table', () => {
    const sql =
      '/*!40101 SET NAMES utf8mb4 */;\n/*!40101 SET @saved_cs_client = @@character_set_client */;\n' +
      `/*!40101 SET character_set_client = latin1 */;\n${T}/*!40101 SET character_set_client = @saved_cs_client */;\n`
    expect(rows(sql).stats.charset).toBe('utf8')
  })

  it('reads bytes that are not UTF-8 in a UTF-8 dump as cp1252, with a warning', () => {
    const sql = Buffer.concat([Buffer.from(`SET NAMES utf8;\n${T}INSERT INTO t VALUES ('caf`), Buffer.from([0xe9]), Buffer.from("','ok');")])
    const { values, stats } = rows(sql)
    expect(values[0].a).toBe('café')
    expect(stats.nonUtf8Values).toBe(1)
    expect(stats.warnings.join('\n')).toMatch(/1 texte\(s\) n'étaient pas en UTF-8/)
  })

  it('reads Windows line endings: raw CRLF inside a string becomes LF, escaped \\r\\n stays', () => {
    const sql = `${T}INSERT INTO t VALUES ('raw\nbreak','escaped\\r\\nbreak');\n`.replace(/\n/g, '\r\n')
    const { values, stats } = rows(sql)
    expect(values[0]).toEqual({ a: 'raw\nbreak', b: 'escaped\r\nbreak' })
    expect(stats.crlf).toBe(true)
  })
})

describe('mysqldump parser: refusals, in French, with the line', () => {
  it('refuses a file that is not SQL', () => {
    expect(error(() => parseDump('Bonjour,\nvoici mon site.\n')).message).toBe(
      "ce fichier n'est pas un export SQL de base MySQL (mysqldump ou phpMyAdmin) : il commence par « Bonjour, ».",
    )
    expect(error(() => parseDump('{"json": true};')).code).toBe('NOT_SQL')
    expect(error(() => parseDump('')).message).toMatch(/il est vide/)
    expect(error(() => parseDump('-- only a comment\n')).code).toBe('NOT_SQL')
    expect(error(() => parseDump(Buffer.from('SQLite format 3\0…'))).message).toMatch(/base SQLite/)
    expect(error(() => parseDump('<?xml version="1.0"?>\n<SPIP>')).message).toMatch(/sauvegarde XML de SPIP 1\.9 ou 2/)
    expect(error(() => parseDump('<?xml version="1.0"?>\n<mysqldump xmlns:xsi="x">')).message).toMatch(/sans l'option --xml/)
    expect(error(() => parseDump('--\n-- PostgreSQL database dump\n--\nSET x = 0;')).message).toMatch(/PostgreSQL/)
  })

  it('refuses a truncated dump: a statement unterminated at the end of the file', () => {
    const e = error(() => parseDump(`${T}\nINSERT INTO t VALUES ('1','2'),\n('3','4')`))
    expect(e.code).toBe('TRUNCATED')
    expect(e.line).toBe(6)
    expect(e.message).toBe(
      "Ligne 6 : le fichier est tronqué : l'instruction qui commence ici (« INSERT INTO t VALUES ('1','2'),… ») n'est pas terminée " +
        "à la fin du fichier. Refaites l'export complet de la base.",
    )
    expect(error(() => parseDump(`${T}INSERT INTO t VALUES ('1','unterminated`)).code).toBe('TRUNCATED')
  })

  it('refuses the labo dump cut in the middle of the forum rows', () => {
    const sql = readFileSync(LABO)
    const cut = sql.indexOf("(9,20,'article'")
    const e = error(() => parseDump(sql.subarray(0, cut + 30)))
    expect(e.code).toBe('TRUNCATED')
    expect(e.line).toBe(395) // INSERT INTO `spip_forum` VALUES
  })

  it('reports syntax errors at their line', () => {
    const e = error(() => parseDump(`${T}INSERT INTO t VALUES ('1','2'),\n('3' '4');`))
    expect(e.code).toBe('SYNTAX')
    expect(e.message).toBe("Ligne 6 : erreur de syntaxe SQL : « , » ou « ) » attendu (près de « '4') »).")
    expect(error(() => parseDump(`${T}INSERT INTO t VALUES ('1');`)).message).toMatch(/1 valeurs pour les 2 colonnes de `t`/)
    expect(error(() => parseDump("INSERT INTO t VALUES ('1');")).message).toMatch(
      /la table `t` reçoit des lignes sans liste de colonnes, et sa structure \(CREATE TABLE\) ne précède pas/,
    )
  })
})

describe('mysqldump parser: files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spip-dump-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('streams a file, gzip-compressed or not, and flags a truncated gzip', async () => {
    const sql = readFileSync(LABO)
    const plain = await parseDumpFile(LABO, { wantRows: () => false })
    expect(plain).toMatchObject({ tool: 'mysqldump', completed: true, charset: 'utf8', gzip: false, skippedRows: 535 })
    const gz = join(dir, 'labo.sql.gz')
    const zipped = gzipSync(sql)
    writeFileSync(gz, zipped)
    expect(await parseDumpFile(gz, { wantRows: () => false })).toMatchObject({ gzip: true, skippedRows: 535, bytes: sql.length })
    writeFileSync(gz, zipped.subarray(0, zipped.length / 2))
    await expect(parseDumpFile(gz)).rejects.toMatchObject({ code: 'TRUNCATED' })
  })
})
