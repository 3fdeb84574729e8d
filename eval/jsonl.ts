import fs from 'node:fs';

/** Reads a JSON Lines file; a bad line is an error naming the file and line. */
export function readJsonl<T>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [JSON.parse(line) as T];
      } catch {
        throw new Error(`${file}:${i + 1}: not valid JSON`);
      }
    });
}
