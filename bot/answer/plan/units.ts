/**
 * The units (offices, centres, unions…) named in plan task records, learnt from the records
 * themselves so that every ingested plan brings its own vocabulary. People name a unit loosely
 * ("công an", "phong van hoa", "đoàn thanh niên"), so a mention is scored by how much of the
 * distinctive part of the question's unit words a unit name covers.
 */
import { foldDiacritics } from '../../../knowledge/vietnamese/normalize.ts';
import { canonical } from '../../../knowledge/vietnamese/tokenize.ts';
import { STOP } from '../stopwords.ts';
import type { QuestionText } from '../text.ts';

/**
 * Words that open the name of an organisation in Vietnamese administration. A comma-separated
 * piece that does not open with one continues the previous name ("Phòng Kinh tế, Hạ tầng và Đô thị").
 */
const HEADS = [
  'phòng',
  'trung tâm',
  'cơ quan',
  'công an',
  'cảnh sát',
  'đoàn',
  'ban',
  'tổ',
  'các',
  'văn phòng',
  'hội',
  'ủy ban',
  'uỷ ban',
  'ubnd',
  'mặt trận',
  'trường',
  'nhà trường',
  'bộ phận',
  'chi cục',
  'cục',
  'sở',
  'đội',
  'trạm',
  'bệnh viện',
  'công ty',
  'doanh nghiệp',
  'hợp tác xã',
  'liên đoàn',
  'đảng ủy',
  'chi bộ',
  'lãnh đạo',
  'quân sự',
  'ban chỉ huy',
  'hđnd',
  'viện',
  'thư viện',
  'bưu điện',
  'ngân hàng',
  'kho bạc',
  'chi nhánh',
];
const HEAD_RE = new RegExp(`^(?:${HEADS.map((h) => foldDiacritics(h)).join('|')})(?![\\p{L}])`, 'u');

/** Splits a lead/support field into unit names. */
export function splitUnits(field: string): string[] {
  const pieces = field.split(/(\s*[,;]\s*|\s+và\s+)/u);
  const units: string[] = [];
  for (let i = 0; i < pieces.length; i += 2) {
    const piece = pieces[i]!.trim().replace(/[.:]+$/, '');
    if (!piece) continue;
    const opensName = HEAD_RE.test(foldDiacritics(piece.toLowerCase()));
    if (units.length && !opensName) units[units.length - 1] += `${pieces[i - 1]}${piece}`;
    else units.push(piece);
  }
  return units;
}

/**
 * Names of the same kind of unit that plans and people use in turn: "các nhà trường" and
 * "các trường học" are the same schools.
 */
const ALIASES: [RegExp, string][] = [
  [/(?<!\p{L})nhà trường(?!\p{L})/gu, 'trường học'],
  [/(?<!\p{L})(ủy|uỷ) ban nhân dân(?!\p{L})/gu, 'ubnd'],
];
const FOLDED_ALIASES: [RegExp, string][] = ALIASES.map(([re, to]) => [
  new RegExp(foldDiacritics(re.source), 'gu'),
  foldDiacritics(to),
]);

/** Syllables and neighbouring pairs: pairs reward words that appear in the same order. */
function unitTerms(text: string, fold: boolean): Set<string> {
  let form = canonical(text);
  for (const [re, to] of ALIASES) form = form.replace(re, to);
  if (fold) form = foldDiacritics(form);
  for (const [re, to] of fold ? FOLDED_ALIASES : []) form = form.replace(re, to);
  const out = new Set<string>();
  for (const phrase of form.split(/[,;|()]+/)) {
    const words = phrase.match(/[\p{L}\p{N}]+/gu) ?? [];
    words.forEach((w, i) => {
      out.add(w);
      if (i + 1 < words.length) out.add(`${w}_${words[i + 1]}`);
    });
  }
  return out;
}

interface UnitEntry {
  name: string;
  accented: Set<string>;
  folded: Set<string>;
}

export class UnitVocabulary {
  private readonly units = new Map<string, UnitEntry>();
  private readonly weight = { accented: new Map<string, number>(), folded: new Map<string, number>() };

  constructor(fields: string[]) {
    for (const field of fields) {
      for (const name of splitUnits(field)) {
        const key = foldDiacritics(canonical(name));
        if (!this.units.has(key))
          this.units.set(key, { name, accented: unitTerms(name, false), folded: unitTerms(name, true) });
      }
    }
    // Terms found in many unit names ("phường") and function words ("các") say little about
    // which unit is meant.
    for (const form of ['accented', 'folded'] as const) {
      const df = new Map<string, number>();
      for (const u of this.units.values()) for (const t of u[form]) df.set(t, (df.get(t) ?? 0) + 1);
      const n = this.units.size;
      const stop = form === 'accented' ? STOP.accented : STOP.folded;
      for (const [t, d] of df) this.weight[form].set(t, d > n / 3 || stop.has(t) ? 0 : Math.log(1 + n / d));
    }
  }

  get size(): number {
    return this.units.size;
  }

  /**
   * How well the question names a unit that occurs in `field` (0..1): the share of the question's
   * unit words (weighted by how distinctive they are) that one of the field's units contains.
   */
  mentionScore(q: QuestionText, field: string): { score: number; name: string } {
    const form = q.accented ? 'accented' : 'folded';
    const weight = this.weight[form];
    const asked = this.askedTerms(q, form);
    const total = [...asked].reduce((s, t) => s + weight.get(t)!, 0);
    const best = { score: 0, name: '' };
    if (!total) return best;
    for (const name of splitUnits(field)) {
      const unit = this.units.get(foldDiacritics(canonical(name)));
      if (!unit) continue;
      let covered = 0;
      let pair = false;
      for (const t of asked) {
        if (!unit[form].has(t)) continue;
        covered += weight.get(t)!;
        pair ||= t.includes('_');
      }
      // One shared word is a coincidence unless the unit name is that word (e.g. "Đoàn").
      if ((pair || unit[form].size === 1) && covered / total > best.score)
        Object.assign(best, { score: covered / total, name: unit.name });
    }
    return best;
  }

  /** The question's terms that occur in some unit name and tell units apart. */
  private askedTerms(q: QuestionText, form: 'accented' | 'folded'): Set<string> {
    const terms = unitTerms(form === 'accented' ? q.expanded : q.folded, form === 'folded');
    return new Set([...terms].filter((t) => (this.weight[form].get(t) ?? 0) > 0));
  }
}
