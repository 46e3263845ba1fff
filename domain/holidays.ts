/**
 * Kazakhstan's days off as data: the fixed holidays, the first day of Kurban Ait per year and the
 * decreed transfers. The rules that turn these into a calendar live in `./calendar`.
 * Sources: ../shared/domain/kazakhstan-facts.md §2.
 */

export interface LocalizedName {
  readonly kk: string;
  readonly ru: string;
}

/** The calendar knows the holiday law as it stands from this year on (1 Dec and 17 Dec ended in 2021). */
export const FIRST_SUPPORTED_YEAR = 2024;
export const LAST_SUPPORTED_YEAR = 2099;

export interface FixedHoliday {
  readonly month: number;
  readonly day: number;
  readonly name: LocalizedName;
  /**
   * State and national holidays on a Saturday or Sunday give a day off on the next free weekday
   * (Law "On holidays", art. 5). Religious days off (7 Jan, Kurban Ait) are never moved.
   */
  readonly movable: boolean;
  readonly fromYear?: number;
  readonly toYear?: number;
}

const NEW_YEAR: LocalizedName = { kk: 'Жаңа жыл', ru: 'Новый год' };
const NAURYZ: LocalizedName = { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы' };

export const FIXED_HOLIDAYS: readonly FixedHoliday[] = [
  { month: 1, day: 1, name: NEW_YEAR, movable: true },
  { month: 1, day: 2, name: NEW_YEAR, movable: true },
  {
    month: 1,
    day: 7,
    name: { kk: 'Православиелік Рождество', ru: 'Православное Рождество' },
    movable: false,
  },
  {
    month: 3,
    day: 8,
    name: { kk: 'Халықаралық әйелдер күні', ru: 'Международный женский день' },
    movable: true,
  },
  // Constitution Day moves from 30 Aug to 15 Mar with the Constitution adopted on 15 March 2026.
  {
    month: 3,
    day: 15,
    name: { kk: 'Конституция күні', ru: 'День Конституции' },
    movable: true,
    fromYear: 2027,
  },
  { month: 3, day: 21, name: NAURYZ, movable: true },
  { month: 3, day: 22, name: NAURYZ, movable: true },
  { month: 3, day: 23, name: NAURYZ, movable: true },
  {
    month: 5,
    day: 1,
    name: { kk: 'Қазақстан халқының бірлігі мерекесі', ru: 'Праздник единства народа Казахстана' },
    movable: true,
  },
  {
    month: 5,
    day: 7,
    name: { kk: 'Отан қорғаушы күні', ru: 'День защитника Отечества' },
    movable: true,
  },
  { month: 5, day: 9, name: { kk: 'Жеңіс күні', ru: 'День Победы' }, movable: true },
  { month: 7, day: 6, name: { kk: 'Астана күні', ru: 'День столицы' }, movable: true },
  {
    month: 8,
    day: 30,
    name: { kk: 'Қазақстан Республикасының Конституциясы күні', ru: 'День Конституции Республики Казахстан' },
    movable: true,
    toYear: 2025,
  },
  {
    month: 10,
    day: 25,
    name: { kk: 'Республика күні', ru: 'День Республики' },
    movable: true,
    toYear: 2025,
  },
  {
    month: 10,
    day: 25,
    name: { kk: 'Қазақстан Республикасы күні', ru: 'День Республики' },
    movable: true,
    fromYear: 2026,
  },
  { month: 12, day: 16, name: { kk: 'Тәуелсіздік күні', ru: 'День Независимости' }, movable: true },
];

export const KURBAN_AIT_NAME: LocalizedName = { kk: 'Құрбан айт', ru: 'Курбан айт' };

export interface KurbanAitDate {
  /** First day, 'YYYY-MM-DD'. It is a day off and is never moved. */
  readonly date: string;
  /** True while ДУМК has not published the date (it usually does so in early November). */
  readonly provisional: boolean;
  readonly source: string;
}

export const KURBAN_AIT: Readonly<Record<number, KurbanAitDate>> = {
  // A Sunday: no weekday off. ДУМК moved it from the pre-announced Mon 17 June, which stayed a working day.
  2024: { date: '2024-06-16', provisional: false, source: 'ДУМК announcement of 7 Jun 2024 (press: altyalash.kz)' },
  2025: { date: '2025-06-06', provisional: false, source: 'mgorod.kz; toppress.kz; arbatmedia.kz' },
  2026: {
    date: '2026-05-27',
    provisional: false,
    source: 'ДУМК calendar of 6 Nov 2025 (zakon.kz/6496885; rus.baq.kz)',
  },
  // A Sunday if the estimate holds: no weekday off.
  2027: {
    date: '2027-05-16',
    provisional: true,
    source: 'astronomical estimate (vacanza/holidays islamic calendar); ДУМК date not yet published',
  },
};

/** A decreed swap: a weekday becomes a day off and a weekend day becomes a working day (5-day week). */
export interface DecreedTransfer {
  readonly dayOff: string;
  readonly workingDay: string;
  readonly source: string;
}

export interface TransferYear {
  /** True when the year's transfers are published (an empty list then means there are none). */
  readonly confirmed: boolean;
  readonly transfers: readonly DecreedTransfer[];
  readonly source: string;
}

export const DECREED_TRANSFERS: Readonly<Record<number, TransferYear>> = {
  // Saturday 4 May 2024 was worked for Wednesday 8 May, between 7 May and 9 May.
  2024: {
    confirmed: true,
    transfers: [{ dayOff: '2024-05-08', workingDay: '2024-05-04', source: 'order of 17 April 2024 transferring the day off of 4 May 2024 to 8 May 2024' }],
    source: 'order of 17 April 2024 transferring the day off of 4 May 2024 to 8 May 2024',
  },
  2025: {
    confirmed: true,
    transfers: [
      {
        dayOff: '2025-01-03',
        workingDay: '2025-01-05',
        source: 'MTSZN order for 2025 (press: energy-city.kz, informburodata.com)',
      },
    ],
    source: 'MTSZN order for 2025 (press: energy-city.kz, informburodata.com)',
  },
  2026: { confirmed: true, transfers: [], source: 'no transfers for 2026 (kazpravda.kz, alau.kz)' },
};
