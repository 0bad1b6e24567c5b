import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { main } from '../src/cli.js';
import {
  type FieldsGetResult,
  generateModels,
  parseFieldsGetDocument,
  readFieldsGetFile,
} from '../src/codegen/index.js';
import {
  type Odoo18Models,
  type Odoo19Models,
  type OdooModels,
  odoo18,
  odoo19,
} from '../src/models/index.js';

const shared = new URL('../../../recordings/odoo/', import.meta.url);
const sharedPath = (path: string): string => fileURLToPath(new URL(path, shared));
const modelsDir = new URL('../src/models/', import.meta.url);

/** The command written in the committed headers; regenerating with it must give the same bytes. */
const committedCommand = (version: string): string =>
  `crossdock-odoo codegen --from-file recordings/odoo/${version}.0/fields_get.json --out packages/odoo-client/src/models --file-name odoo${version}.generated.ts`;

/** A hand-written fields_get with one field of every type the generator knows, and one it does not. */
const sample: FieldsGetResult = {
  name: { type: 'char', string: 'Name', required: true, readonly: false },
  note: { type: 'text', string: 'Note', required: false, readonly: false },
  body: { type: 'html', string: 'Body' },
  count: { type: 'integer', string: 'Count' },
  weight: { type: 'float', string: 'Weight' },
  amount: { type: 'monetary', string: 'Amount', readonly: true },
  active: { type: 'boolean', string: 'Active' },
  day: { type: 'date', string: 'Day' },
  stamp: { type: 'datetime', string: 'Stamp', required: true },
  state: {
    type: 'selection',
    string: 'Status',
    required: true,
    readonly: false,
    selection: [
      ['draft', 'Draft'],
      ['done', 'Done'],
    ],
  },
  kind: { type: 'selection', string: 'Kind', selection: [['a', "It's A"]] },
  partner_id: { type: 'many2one', string: 'Customer', relation: 'res.partner', required: true },
  line_ids: { type: 'one2many', string: 'Lines', relation: 'x.line' },
  tag_ids: { type: 'many2many', string: 'Tags', relation: 'x.tag' },
  res_id: { type: 'many2one_reference', string: 'Resource' },
  file: { type: 'binary', string: 'File' },
  data: { type: 'json', string: 'Data' },
  props: { type: 'properties', string: 'Properties' },
  ref: { type: 'reference', string: 'Reference' },
  odd: { type: 'something_new', string: 'Odd */ label' },
};
const line: FieldsGetResult = {
  order_id: { type: 'many2one', string: 'Order', relation: 'x.order', required: true },
  qty: { type: 'float', string: 'Quantity' },
};

function generateSample(): string {
  const { files } = generateModels({ version: '18.0', models: { 'x.order': sample, 'x.line': line } });
  const text = files['models.generated.ts'];
  if (text === undefined) throw new Error('no file generated');
  return text;
}

describe('generateModels on a hand-written fields_get', () => {
  const text = generateSample();
  const block = (start: string): string => {
    const from = text.indexOf(start);
    expect(from).toBeGreaterThanOrEqual(0);
    return text.slice(from, text.indexOf('\n}', from));
  };

  it('maps every field type to its normalised read type', () => {
    const record = block('export interface XOrder {');
    for (const member of [
      '  name: string;',
      '  note: string | null;',
      '  body: string | null;',
      '  count: number;',
      '  weight: number;',
      '  amount: number;',
      '  active: boolean;',
      '  day: string | null;',
      '  stamp: string | null;',
      "  state: 'draft' | 'done';",
      "  kind: 'a' | null;",
      '  partner_id: { id: number; name: string } | null;',
      '  line_ids: number[];',
      '  tag_ids: number[];',
      '  res_id: number | null;',
      '  file: string | null;',
      '  data: unknown;',
      '  props: unknown;',
      '  ref: string | null;',
      '  odd: unknown;',
    ]) {
      expect(record).toContain(`\n${member}`);
    }
  });

  it('writes the label, type, relation, required and readonly of each field in its doc comment', () => {
    expect(text).toContain('  /** Customer (`many2one` → `res.partner`, required) */\n  partner_id:');
    expect(text).toContain('  /** Amount (`monetary`, readonly) */\n  amount: number;');
    expect(text).toContain('   * Status (`selection`, required)\n   * Values: `draft` Draft, `done` Done.');
    expect(text).toContain('/** Odd *\\/ label (`something_new`) */');
  });

  it('types write values with every writable field optional, and leaves readonly fields out', () => {
    const values = block('export interface XOrderValues {');
    expect(values).toContain('  name?: string | false;');
    expect(values).toContain('  partner_id?: number | false;');
    expect(values).toContain("  state?: 'draft' | 'done' | false;");
    expect(values).toContain('  line_ids?: X2ManyCommand<XLineValues>[];');
    expect(values).toContain('  tag_ids?: X2ManyCommand[];');
    expect(values).not.toContain('amount');
  });

  it('requires the required writable fields on create, without the clearing false', () => {
    const create = block('export interface XOrderCreateValues extends XOrderValues {');
    expect(create).toContain('  name: string;');
    expect(create).toContain('  partner_id: number;');
    expect(create).toContain("  state: 'draft' | 'done';");
    expect(create).toContain('  stamp: string;');
    expect(create).not.toContain('note');
  });

  it('emits a zod schema per model and the model maps, sorted by name', () => {
    expect(block('export const XOrderSchema = z.object({')).toContain("  kind: orNull(z.literal(['a'])),");
    expect(text).toContain("export interface OdooModels {\n  'x.line': XLine;\n  'x.order': XOrder;\n}");
    expect(text).toContain("export const modelNames = ['x.line', 'x.order'] as const;");
    expect(text.indexOf('export interface XLine {')).toBeLessThan(text.indexOf('export interface XOrder {'));
  });

  it('says in its header that it is generated, from which version and by which command', () => {
    expect(text.split('\n').slice(0, 3)).toEqual([
      '// This file is generated: do not edit it by hand.',
      '// Source: `fields_get` of 2 models on Odoo 18.0.',
      '// Command: crossdock-odoo codegen',
    ]);
  });

  it('is deterministic: the same output whatever the key order of the input', () => {
    const reversed = Object.fromEntries(Object.entries(sample).reverse());
    const again = generateModels({ version: '18.0', models: { 'x.line': line, 'x.order': reversed } });
    expect(again.files['models.generated.ts']).toBe(text);
    expect(generateSample()).toBe(text);
  });

  it('types a selection with more values than maxSelectionUnion as string', () => {
    const many: FieldsGetResult = {
      tz: {
        type: 'selection',
        selection: [
          ['a', 'A'],
          ['b', 'B'],
          ['c', 'C'],
        ],
      },
    };
    const { files } = generateModels({ version: '19.0', models: { m: many } }, { maxSelectionUnion: 2 });
    expect(files['models.generated.ts']).toContain('  tz: string | null;');
    expect(files['models.generated.ts']).toContain('  tz: orNull(z.string()),');
  });
});

describe('readFieldsGetFile', () => {
  it('reads the 18.0 JSON-RPC recordings: 13 models, version from the directory', async () => {
    const input = await readFieldsGetFile(sharedPath('18.0/fields_get.json'));
    expect(input.version).toBe('18.0');
    expect(Object.keys(input.models).sort()).toEqual([...odoo18.modelNames]);
    expect(input.models['sale.order']?.partner_id?.relation).toBe('res.partner');
  });

  it('reads the 19.0 JSON-2 recordings', async () => {
    const input = await readFieldsGetFile(sharedPath('19.0/fields_get.json'));
    expect(input.version).toBe('19.0');
    expect(Object.keys(input.models)).toHaveLength(13);
    expect(input.models['stock.move']?.state?.type).toBe('selection');
  });

  it('reads a plain { model: fields_get } map and a { version, models } document', () => {
    expect(parseFieldsGetDocument({ 'x.order': sample }).models['x.order']).toBe(sample);
    expect(parseFieldsGetDocument({ version: '17.0', models: { 'x.order': sample } }).version).toBe('17.0');
    expect(() => parseFieldsGetDocument([{ note: 'x' }])).toThrow(/No fields_get/);
    expect(() => parseFieldsGetDocument({ a: 1 })).toThrow(TypeError);
  });
});

describe('the committed generated models', () => {
  for (const version of ['18', '19']) {
    it(`odoo${version}.generated.ts equals a fresh generation from the ${version}.0 recordings`, async () => {
      const input = await readFieldsGetFile(sharedPath(`${version}.0/fields_get.json`));
      const fileName = `odoo${version}.generated.ts`;
      const { files } = generateModels(input, { fileName, command: committedCommand(version) });
      const committed = await readFile(new URL(fileName, modelsDir), 'utf8');
      expect(files[fileName]).toBe(committed);
    });
  }

  it('maps model names to record types (checked by the type checker)', () => {
    expectTypeOf<OdooModels>().toEqualTypeOf<Odoo18Models>();
    expectTypeOf<Odoo18Models['sale.order']['partner_id']>().toEqualTypeOf<{
      id: number;
      name: string;
    } | null>();
    expectTypeOf<Odoo19Models['stock.move']['move_line_ids']>().toEqualTypeOf<number[]>();
    expectTypeOf<odoo18.SaleOrderCreateValues['partner_id']>().toEqualTypeOf<number>();
    expect(odoo19.serverVersion).toBe('19.0');
  });
});

describe('the generated zod schemas', () => {
  async function recordedResult(version: string, note: string): Promise<Record<string, unknown>[]> {
    const exchanges = JSON.parse(await readFile(sharedPath(`${version}/read.json`), 'utf8')) as {
      note: string;
      response: { body: unknown };
    }[];
    const exchange = exchanges.find((entry) => entry.note.startsWith(note));
    const body = exchange?.response.body as { result?: unknown } | unknown[];
    return (Array.isArray(body) ? body : body?.result) as Record<string, unknown>[];
  }

  /** A `pick` mask of the fields a `search_read` asked for. */
  const maskOf = <S extends z.ZodObject>(_schema: S, record: Record<string, unknown>) =>
    Object.fromEntries(Object.keys(record).map((key) => [key, true])) as { [K in keyof S['shape']]?: true };

  it('accept the first sale.order of a recorded 18.0 search_read and normalise it', async () => {
    const [first] = await recordedResult('18.0', 'search_read with domain');
    if (first === undefined) throw new Error('no record');
    const parsed = odoo18.SaleOrderSchema.pick(maskOf(odoo18.SaleOrderSchema, first)).parse(first);
    expect(parsed).toMatchObject({
      id: 6,
      state: 'sale',
      partner_id: { id: 16, name: 'Lumber Inc' },
      order_line: [13],
    });
  });

  it('accept the first res.partner of a recorded 19.0 search_read', async () => {
    const [first] = await recordedResult('19.0', 'search_read with domain');
    if (first === undefined) throw new Error('no record');
    const parsed = odoo19.ResPartnerSchema.pick(maskOf(odoo19.ResPartnerSchema, first)).parse(first);
    expect(parsed.country_id).toEqual({ id: 233, name: 'United States' });
  });

  it('read false as null and accept already-normalised records', () => {
    const schema = odoo18.SaleOrderSchema.pick({ client_order_ref: true, partner_id: true });
    expect(schema.parse({ client_order_ref: false, partner_id: false })).toEqual({
      client_order_ref: null,
      partner_id: null,
    });
    const normalised = { client_order_ref: 'PO-1', partner_id: { id: 1, name: 'A' } };
    expect(schema.parse(normalised)).toEqual(normalised);
  });

  it('reject a record with a wrong type, naming the field', async () => {
    const [first] = await recordedResult('18.0', 'search_read with domain');
    if (first === undefined) throw new Error('no record');
    const wrong = { ...first, amount_total: 'a lot', state: 'shipped' };
    const result = odoo18.SaleOrderSchema.pick(maskOf(odoo18.SaleOrderSchema, wrong)).safeParse(wrong);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'amount_total',
      'state',
    ]);
  });
});

describe('the crossdock-odoo CLI', () => {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'crossdock-codegen-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const memoryIo = (env: Record<string, string> = {}, fetchImpl?: typeof fetch) => {
    const out: string[] = [];
    const err: string[] = [];
    return {
      out,
      err,
      io: {
        stdout: { write: (text: string) => out.push(text) },
        stderr: { write: (text: string) => err.push(text) },
        env,
        cwd: dir,
        ...(fetchImpl === undefined ? {} : { fetch: fetchImpl }),
      },
    };
  };

  it('codegen --from-file writes the generated file into --out', async () => {
    const { io, err } = memoryIo();
    const args = ['codegen', '--from-file', sharedPath('19.0/fields_get.json'), '--out', 'models'];
    expect(await main(args, io)).toBe(0);
    const text = await readFile(join(dir, 'models', 'models.generated.ts'), 'utf8');
    expect(text).toContain('export interface StockPicking {');
    expect(text).toContain('// Source: `fields_get` of 13 models on Odoo 19.0.');
    expect(err.join('')).toContain('models.generated.ts (13 models, Odoo 19.0)');
  });

  it('answers 2 with the usage on bad arguments', async () => {
    const { io, err } = memoryIo();
    expect(await main(['codegen', '--out', 'x'], io)).toBe(2);
    expect(err.join('')).toContain('give either --from-file or --url');
    expect(await main(['codegen', '--bogus'], io)).toBe(2);
    expect(await main(['nope'], io)).toBe(2);
  });

  it('reads a live 18.0 server over /jsonrpc, shows progress, and never prints the password', async () => {
    const recorded = JSON.parse(await readFile(sharedPath('18.0/fields_get.json'), 'utf8')) as {
      request: { body: { params: { args: unknown[] } } };
      response: { body: { result: unknown } };
    }[];
    const bodies: unknown[] = [];
    const fakeFetch = (async (url: URL | string, init?: RequestInit) => {
      expect(String(url)).toBe('http://odoo.test/jsonrpc');
      const body = JSON.parse(String(init?.body)) as {
        id: number;
        params: { method: string; args: unknown[] };
      };
      bodies.push(body);
      const { method, args } = body.params;
      const result =
        method === 'version'
          ? { server_version: '18.0+e-20241005' }
          : method === 'login'
            ? 2
            : recorded.find((entry) => entry.request.body.params.args[3] === args[3])?.response.body.result;
      return Response.json({ jsonrpc: '2.0', id: body.id, result });
    }) as typeof fetch;
    const { io, err } = memoryIo({ ODOO_PASSWORD: 's3cret-pw' }, fakeFetch);
    const args = ['codegen', '--url', 'http://odoo.test', '--db', 'odoo', '--login', 'admin'];
    args.push('--password-env', 'ODOO_PASSWORD', '--models', 'sale.order,stock.move,uom.uom', '--out', '.');
    expect(await main(args, io)).toBe(0);
    const stderr = err.join('');
    expect(stderr).toContain('fetching fields 1/3 sale.order\n');
    expect(stderr).toContain('fetching fields 2/3 stock.move\n');
    expect(stderr).not.toContain('s3cret-pw');
    expect(bodies[2]).toMatchObject({
      params: {
        service: 'object',
        method: 'execute_kw',
        args: [
          'odoo',
          2,
          's3cret-pw',
          'sale.order',
          'fields_get',
          [],
          { attributes: expect.arrayContaining(['type', 'string', 'relation', 'selection']) },
        ],
      },
    });
    const text = await readFile(join(dir, 'models.generated.ts'), 'utf8');
    expect(text).toContain('on Odoo 18.0+e-20241005.');
    expect(text).not.toContain('s3cret-pw');
    expect(text).toContain("export const modelNames = ['sale.order', 'stock.move', 'uom.uom'] as const;");
  });

  it('reads a live 19.0 server over JSON-2 with a bearer key, and keeps the key out of errors', async () => {
    const seen: { url: string; auth: string | null }[] = [];
    const fakeFetch = (async (url: URL | string, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      seen.push({ url: String(url), auth: headers.get('authorization') });
      if (String(url).endsWith('/web/version')) return Response.json({ version: '19.0' });
      if (String(url).includes('/json/2/res.partner/')) {
        return Response.json(
          { name: 'werkzeug.exceptions.Unauthorized', message: 'bad key key-123' },
          { status: 401 },
        );
      }
      return Response.json({ name: { type: 'char', string: 'Name', required: true } });
    }) as typeof fetch;
    const { io, err } = memoryIo({ ODOO_API_KEY: 'key-123' }, fakeFetch);
    const base = [
      'codegen',
      '--url',
      'http://odoo.test',
      '--db',
      'odoo',
      '--api-key-env',
      'ODOO_API_KEY',
      '--out',
      '.',
    ];
    expect(await main([...base, '--models', 'uom.uom'], io)).toBe(0);
    expect(seen[0]).toEqual({ url: 'http://odoo.test/json/2/uom.uom/fields_get', auth: 'bearer key-123' });
    expect(await readFile(join(dir, 'models.generated.ts'), 'utf8')).toContain('on Odoo 19.0.');
    expect(await main([...base, '--models', 'res.partner'], io)).toBe(1);
    expect(err.join('')).toContain('HTTP 401 werkzeug.exceptions.Unauthorized');
    expect(err.join('')).not.toContain('key-123');
  });

  // tsx is a dev dependency of this package: the CLI runs from its TypeScript source here.
  const tsx = createRequire(import.meta.url).resolve('tsx');

  it('runs as a program: node --import tsx src/cli.ts codegen --from-file', async () => {
    const input = join(dir, 'plain.json');
    await writeFile(input, JSON.stringify({ version: '18.0', models: { 'x.order': sample } }));
    const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
    const run = spawnSync(
      process.execPath,
      ['--import', String(tsx), cli, 'codegen', '--from-file', input, '--out', dir, '--file-name', 'x.ts'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stderr).toContain('(1 models, Odoo 18.0)');
    expect(run.status).toBe(0);
    expect(await readFile(join(dir, 'x.ts'), 'utf8')).toContain('export interface XOrder {');
  });
});
