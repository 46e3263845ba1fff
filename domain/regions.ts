/**
 * The 17 regions (облыс / область) and the 3 cities of republican significance, with the ids of the
 * operator API (DESIGN §6). Names: ../shared/domain/kazakhstan-facts.md §3.2.
 */
import type { LocalizedName } from './holidays';
import { plainLetters } from './letters';

export type RegionId =
  | 'astana'
  | 'almaty'
  | 'shymkent'
  | 'abai'
  | 'akmola'
  | 'aktobe'
  | 'almaty-region'
  | 'atyrau'
  | 'west-kazakhstan'
  | 'zhambyl'
  | 'zhetysu'
  | 'karaganda'
  | 'kostanay'
  | 'kyzylorda'
  | 'mangystau'
  | 'pavlodar'
  | 'north-kazakhstan'
  | 'turkistan'
  | 'ulytau'
  | 'east-kazakhstan';

export interface Region {
  readonly id: RegionId;
  /** As a button and an address show it: "Абай облысы" / "Абайская область"; a city by its name. */
  readonly name: LocalizedName;
  /** A city of republican significance: a region of its own, with no town or village inside to name. */
  readonly city: boolean;
  /** Other spellings people type: the other Russian name, an abbreviation, a former name. */
  readonly aliases?: readonly string[];
}

const city = (id: RegionId, name: string, aliases?: string[]): Region => ({ id, name: { kk: name, ru: name }, city: true, ...(aliases && { aliases }) });
const region = (id: RegionId, kk: string, ru: string, aliases?: string[]): Region => ({ id, name: { kk, ru }, city: false, ...(aliases && { aliases }) });

/** The three cities first, then the regions in the order of their Kazakh names. */
export const REGIONS: readonly Region[] = [
  city('astana', 'Астана', ['Нур-Султан', 'Нурсултан']),
  city('almaty', 'Алматы'),
  city('shymkent', 'Шымкент'),
  region('abai', 'Абай облысы', 'Абайская область'),
  region('akmola', 'Ақмола облысы', 'Акмолинская область'),
  region('aktobe', 'Ақтөбе облысы', 'Актюбинская область'),
  region('almaty-region', 'Алматы облысы', 'Алматинская область'),
  region('atyrau', 'Атырау облысы', 'Атырауская область'),
  region('west-kazakhstan', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', ['ЗКО']),
  region('zhambyl', 'Жамбыл облысы', 'Жамбылская область'),
  region('zhetysu', 'Жетісу облысы', 'область Жетісу', ['Жетысуская область']),
  region('karaganda', 'Қарағанды облысы', 'Карагандинская область'),
  region('kostanay', 'Қостанай облысы', 'Костанайская область'),
  region('kyzylorda', 'Қызылорда облысы', 'Кызылординская область'),
  region('mangystau', 'Маңғыстау облысы', 'Мангистауская область', ['Мангыстауская область']),
  region('pavlodar', 'Павлодар облысы', 'Павлодарская область'),
  region('north-kazakhstan', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', ['СКО']),
  region('turkistan', 'Түркістан облысы', 'Туркестанская область'),
  region('ulytau', 'Ұлытау облысы', 'область Ұлытау', ['Улытауская область']),
  region('east-kazakhstan', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', ['ВКО']),
];

const byId = new Map(REGIONS.map((r) => [r.id, r]));

export function regionById(id: string): Region | undefined {
  return byId.get(id as RegionId);
}

/** Words that only say "region" or "city": "облысы", "область", "обл.", "г.", "қаласы". */
const GENERIC = new Set(['облысы', 'облыс', 'область', 'обл', 'город', 'гор', 'г', 'каласы', 'кала', 'к']);

const words = (text: string): string[] =>
  plainLetters(text)
    .replace(/[«»"'().,]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
const whole = (text: string): string => words(text).join(' ');
const core = (text: string): string =>
  words(text)
    .filter((w) => !GENERIC.has(w))
    .join(' ');

const spellings = (r: Region): string[] => [r.name.kk, r.name.ru, ...(r.aliases ?? [])];

/**
 * The region or city a typed name means, in either language, with or without Kazakh letters and
 * the word for "region": "Алматы облысы", "алматинская обл", "Актобе", "г. Шымкент". "Алматы"
 * alone is the city; with a word for "region" it is the region.
 */
export function regionByName(text: string): Region | undefined {
  const typed = whole(text);
  if (!typed) return undefined;
  const exact = REGIONS.find((r) => spellings(r).some((s) => whole(s) === typed));
  if (exact) return exact;
  const name = core(text);
  const saysRegion = words(text).some((w) => w.startsWith('облыс') || w.startsWith('област') || w === 'обл');
  const candidates = REGIONS.filter((r) => !(saysRegion && r.city) && spellings(r).some((s) => core(s) === name));
  return candidates[0];
}
