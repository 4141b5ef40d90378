/* eslint-disable no-console */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';

/** One measured figure, optionally with the target an issue sets for it. */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The figure an issue asks for, e.g. `{ max: 60 }` seconds or `{ min: 0.95 }`. */
  target?: { max?: number; min?: number };
}

function meets(figure: BenchFigure): boolean | undefined {
  if (!figure.target) return undefined;
  const { max, min } = figure.target;
  return (
    (max === undefined || figure.value <= max) &&
    (min === undefined || figure.value >= min)
  );
}

function verdict(meetsTarget: boolean | undefined): string {
  if (meetsTarget === undefined) return '';
  return meetsTarget ? 'ok' : 'MISSED';
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

/**
 * Writes bench/results/<name>.json (figures, parameters, machine) and prints a table.
 * Returns false when a figure misses its target.
 */
export function reportBenchmark(
  name: string,
  parameters: Record<string, unknown>,
  figures: BenchFigure[],
): boolean {
  const results = figures.map(f => ({ ...f, meetsTarget: meets(f) }));
  const document = {
    benchmark: name,
    measuredAt: new Date().toISOString(),
    parameters,
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    },
    figures: results,
  };
  const dir = join(__dirname, '..', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}.json`);
  writeFileSync(file, `${JSON.stringify(document, null, 2)}\n`);

  const rows = results.map(r => [
    r.name,
    `${formatNumber(r.value)} ${r.unit}`,
    r.target
      ? [
          r.target.min !== undefined ? `>= ${r.target.min}` : '',
          r.target.max !== undefined ? `<= ${r.target.max}` : '',
        ]
          .filter(Boolean)
          .join(' ')
      : '',
    verdict(r.meetsTarget),
  ]);
  const header = ['figure', 'value', 'target', ''];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map(r => r[i].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  console.log(`\n${name}: ${JSON.stringify(parameters)}`);
  console.log(line(header));
  console.log(line(widths.map(w => '-'.repeat(w))));
  rows.forEach(r => console.log(line(r)));
  console.log(`written to ${file}`);
  return results.every(r => r.meetsTarget !== false);
}

function positiveNumber(key: string, raw: string | undefined): number {
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`--${key} needs a positive number, got '${raw}'`);
  }
  return value;
}

/** Reads `--key value` options with numeric defaults. */
export function numericOption(
  args: string[],
  key: string,
  fallback: number,
): number {
  const index = args.indexOf(`--${key}`);
  if (index === -1) return fallback;
  return positiveNumber(key, args[index + 1]);
}

/** The value of every `--key value` option, in order (an option may be given more than once). */
export function optionValues(args: string[], key: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg !== `--${key}`) return;
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) {
      throw new Error(`--${key} needs a value`);
    }
    values.push(value);
  });
  return values;
}

/** Like `optionValues`, each value a positive number. */
export function numericOptions(args: string[], key: string): number[] {
  return optionValues(args, key).map(raw => positiveNumber(key, raw));
}

/** The p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(
    sorted.length - 1,
    Math.ceil((p / 100) * sorted.length) - 1,
  );
  return sorted[Math.max(0, rank)];
}
