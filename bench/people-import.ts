import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/server/db/connect.ts';
import { createRandom, drawPlan, generatePerson, Registry } from '../src/server/db/seed/demo-people.ts';
import { LAPAS_ID } from '../src/server/db/seed/reference.ts';
import { prepareDatabase } from '../src/server/db/setup.ts';
import { hashPassword } from '../src/server/platform/auth/password.ts';
import { ROOT } from './lib/children.ts';
import { createBenchDatabase, dropBenchDatabase, redact } from './lib/postgres.ts';

// `node bench/people-import.ts`: the import of a 50,000-row spreadsheet (target ≤ 20 s), through the real
// application (app.inject: multipart upload, parsing, every row checked, bulk insert, timeline, audit),
// for an XLSX and a CSV file, on the embedded PGlite (a data folder on disk) and, with BENCH_DATABASE_URL,
// on PostgreSQL. Each format goes into a fresh database; the CSV is then imported a second time (every
// row an update). Writes bench/results/people-import-<time>.json.

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const TARGET_SECONDS = 20;
const PASSWORD = 'Bench-import-2026';
const HEADERS = [
  'Nama Lengkap',
  'NIK',
  'Tempat Lahir',
  'Tanggal Lahir',
  'No. Registrasi',
  'Alamat',
  'Kode Kelurahan',
  'Telepon',
  'Pendidikan',
  'Status Perkawinan',
  'Jumlah Anak',
  'Keterampilan',
];
const MAPPING = [
  'fullName',
  'nik',
  'birthPlace',
  'birthDate',
  'registrationNumber',
  'domicileAddress',
  'domicileVillageCode',
  'phone',
  'educationLevel',
  'maritalStatus',
  'dependentChildren',
  'skills',
];
const EDUCATION: Record<string, string> = {
  none: 'Tidak sekolah',
  sd: 'SD',
  smp: 'SMP',
  sma: 'SMA/SMK',
  d1_d3: 'D1–D3',
  s1: 'S1/D4',
  s2_s3: 'S2/S3',
};
const MARITAL: Record<string, string> = {
  single: 'Belum kawin',
  married: 'Kawin',
  divorced: 'Cerai hidup',
  widowed: 'Cerai mati',
};

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The demo's generator (deterministic): realistic names, NIKs matching birth dates, villages, skills. */
function generateRows(count: number) {
  const random = createRandom(7);
  const registry = new Registry({ nikBase: 5000, registrationBase: 8_000_000, registrationDigits: 7 });
  const today = new Date().toISOString().slice(0, 10);
  const rows: (string | number | Date)[][] = [];
  for (let index = 0; index < count; index++) {
    const person = generatePerson(random, { today, plan: drawPlan(random), registry });
    rows.push([
      person.fullName,
      person.nik,
      person.birthPlace,
      person.birthDate,
      person.registrationNumber,
      person.domicileAddress,
      person.domicileVillageCode,
      person.phone,
      EDUCATION[person.educationLevel] ?? '',
      MARITAL[person.maritalStatus] ?? '',
      person.dependentChildren,
      person.skills.map((skill) => skill.name).join(', '),
    ]);
  }
  return rows;
}

function csvOf(rows: (string | number | Date)[][]): Buffer {
  const quote = (value: string) => (/[;"\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const lines = [HEADERS.join(';')];
  for (const row of rows)
    lines.push(row.map((cell, index) => quote(index === 3 ? dmy(String(cell)) : String(cell))).join(';'));
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

async function xlsxOf(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Warga Binaan');
  sheet.addRow(HEADERS);
  sheet.getColumn(4).numFmt = 'dd/mm/yyyy';
  for (const row of rows) {
    // Birth dates as real Excel dates, as an office spreadsheet has them.
    sheet.addRow(row.map((cell, index) => (index === 3 ? new Date(`${cell}T00:00:00Z`) : cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

interface Step {
  step: string;
  file: 'xlsx' | 'csv';
  seconds: number;
  status: number;
  counts?: unknown;
  created?: number;
  updated?: number;
  withinTarget?: boolean;
}

async function measure(
  target: { kind: 'embedded'; dataDir: string } | { kind: 'postgresql'; url: string },
  file: { name: string; format: 'xlsx' | 'csv'; buffer: Buffer },
  reimport: boolean,
): Promise<Step[]> {
  const database: DatabaseHandle = await openDatabase(target);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DEMO: '0', DOCUMENTS_DIR: os.tmpdir() });
  const app = await buildApp({ config, database, logger: false, webRoot: '/nonexistent' });
  const steps: Step[] = [];
  try {
    await prepareDatabase(database.db, { demo: false });
    const user = await database.db
      .insertInto('app_user')
      .values({
        username: 'bench.import',
        full_name: 'Bench Import',
        organization_id: LAPAS_ID,
        password_hash: await hashPassword(PASSWORD),
        must_change_password: false,
        active: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await database.db
      .insertInto('user_role')
      .values({ user_id: user.id, role_code: 'prison_binadik' })
      .execute();
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'bench.import', password: PASSWORD },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0] as string;
    const headers = { cookie, 'x-csrf-token': login.json().csrfToken as string };

    const send = async (step: 'check' | 'commit', label: string) => {
      const form = new FormData();
      form.append('mapping', JSON.stringify(MAPPING));
      if (step === 'commit') form.append('mode', 'all_or_nothing');
      form.append('file', new Blob([new Uint8Array(file.buffer)]), file.name);
      const started = performance.now();
      const response = await app.inject({
        method: 'POST',
        url: `/api/people/import/${step}`,
        headers,
        payload: form,
      });
      const seconds = round((performance.now() - started) / 1000);
      const body = response.json();
      const result: Step = {
        step: label,
        file: file.format,
        seconds,
        status: response.statusCode,
        counts: body.counts,
      };
      if (step === 'commit') {
        result.created = body.created;
        result.updated = body.updated;
        result.withinTarget = seconds <= TARGET_SECONDS;
      }
      if (response.statusCode !== 200) result.counts = body.error ?? body;
      console.log(`  ${label.padEnd(34)} ${String(seconds).padStart(7)} s  (${response.statusCode})`);
      steps.push(result);
    };

    await send('check', 'dry run (check)');
    await send('commit', `commit all_or_nothing (${ROWS} new)`);
    if (reimport) await send('commit', `re-import (${ROWS} updates)`);
  } finally {
    await app.close();
    await database.close();
  }
  return steps;
}

async function main() {
  console.log(`Generating ${ROWS.toLocaleString('en')} rows…`);
  const rows = generateRows(ROWS);
  const csv = csvOf(rows);
  const xlsx = await xlsxOf(rows);
  const files = [
    { name: 'warga.xlsx', format: 'xlsx' as const, buffer: xlsx },
    { name: 'warga.csv', format: 'csv' as const, buffer: csv },
  ];
  console.log(`XLSX ${round(xlsx.length / 1024 / 1024)} MB, CSV ${round(csv.length / 1024 / 1024)} MB`);

  const results: Record<string, unknown>[] = [];
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sinergi-bench-import-'));
  try {
    for (const file of files) {
      console.log(`embedded (PGlite on disk), ${file.format}:`);
      const dataDir = path.join(scratch, file.format);
      mkdirSync(dataDir);
      results.push({
        database: 'embedded',
        steps: await measure({ kind: 'embedded', dataDir }, file, file.format === 'csv'),
      });
    }
    const adminUrl = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
    if (adminUrl) {
      for (const file of files) {
        console.log(`postgresql (${redact(adminUrl)}), ${file.format}:`);
        const bench = await createBenchDatabase(adminUrl);
        try {
          results.push({
            database: 'postgresql',
            serverVersion: bench.serverVersion,
            steps: await measure({ kind: 'postgresql', url: bench.url }, file, file.format === 'csv'),
          });
        } finally {
          await dropBenchDatabase(adminUrl, bench.name);
        }
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  const output = {
    benchmark: 'people-import',
    at: new Date().toISOString(),
    rows: ROWS,
    targetSeconds: TARGET_SECONDS,
    files: { xlsxBytes: xlsx.length, csvBytes: csv.length },
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? null, node: process.version },
    results,
  };
  const dir = path.join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `people-import-${output.at.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(output, null, 2)}\n`);
  console.log(`Results: ${path.relative(ROOT, file)}`);
}

await main();
