/**
 * What people type without a Kazakh keyboard: "желтоксан" for "желтоқсан", "Актобе" for "Ақтөбе".
 * Matching folds both sides the same way.
 */

const PLAIN: Readonly<Record<string, string>> = { ә: 'а', ғ: 'г', қ: 'к', ң: 'н', ө: 'о', ұ: 'у', ү: 'у', һ: 'х', і: 'и', ё: 'е' };

/** Lower case, each Kazakh letter written as its nearest Russian one, and ё as е. */
export function plainLetters(text: string): string {
  return text.toLowerCase().replace(/[әғқңөұүһіё]/g, (letter) => PLAIN[letter] ?? letter);
}
