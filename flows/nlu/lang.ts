import type { Lang } from '../../store/types';
import { foldLetters, tokens } from './normalise';

/**
 * Kazakh or Russian, word by word. A word votes Kazakh when it has a Kazakh letter, is a common
 * Kazakh word or ends the way only Kazakh words do; Russian when it is a common Russian word or has
 * a Russian ending. The text is clearly in a language only when two or more words vote for it and
 * none for the other: one word, or a mix, leaves the reply language as it is.
 */

const KAZAKH_LETTERS = /[әғқңөұүһі]/i;

/** Common Kazakh words, folded (ә→а, і→и…), as typed with or without Kazakh letters. */
const KAZAKH_WORDS = new Set(
  'адам мен сен сиз биз олар маган сизге менин сизден керек калай кандай кайда кашан неге неше канша бар жок ма ме ба бе па пе ия иа жок рахмет ракмет салем салеметсиз туралы ушин жане немесе бойынша кейин дейин болды болады бола алу беру еди емес деп осы мына бул сол кажет бериниз айтыныз комектесиниз бала балам анам акем ата апа жогалды жогалтып жогалттым жогалып оку окимын мектеп кужат кужаттар отиниш жатакхана тегин анныктама аныктама телнуска сынып шагым мамандык колледжде колледжге колледжди университетте жатыр жатырмын бермей бермейди алмай алмайды ертен мереке гой тез жауап дайын'.split(
    ' ',
  ),
);
const KAZAKH_ENDING = /..(мын|мин|уге|ымыз|имиз|ыныз|иниз|дагы|деги|тагы|теги|ды|ди|дым|дим|тым|тим|тып|ган|ген|ынан|инен|нын|нин|дыма|дыкта|сыз|сиз|лары|лери|дары|дери|тары|тери)$/;

/** Common Russian words, folded; "не" and "да" are Kazakh words too ("what", "also"), so they are not here. */
const RUSSIAN_WORDS = new Set(
  'я мне меня мой моя мое мои нет в во на и а но что как где когда почему зачем какой какие какая какое нужен нужна нужно нужны хочу хотел хотела можно ли это у с по для за от до из к о об есть был была было уже еще очень пожалуйста спасибо здравствуйте привет сколько куда ребенок сын дочь мама потерял потеряла получить сделать подать документы документ заявление справка если то вы вам вас он она они его ее их сейчас тоже только все сам сама надо или без него нее всем день добрый вечер домой готов быстро примерно бесплатно платно полный список дайте давайте завтра работает написать месяц'.split(
    ' ',
  ),
);
const RUSSIAN_ENDING = /..(ться|тся|ешь|ете|ите|ого|ому|ыми|ими|ых|ий|ая|ое|ые|ую|ла|ли|ть|ать|ять|ение|ания|ость|ции|ция|ют|ят|ено|ано|ило|ный|ной|ным)$/;

export interface Votes {
  kk: number;
  ru: number;
}

/** How many of the text's words read Kazakh and how many Russian. */
export function votes(text: string): Votes {
  const result: Votes = { kk: 0, ru: 0 };
  for (const raw of text.split(/\s+/)) {
    const word = tokens(foldLetters(raw))[0];
    if (!word) continue;
    if (KAZAKH_LETTERS.test(raw) || KAZAKH_WORDS.has(word) || KAZAKH_ENDING.test(word)) result.kk += 1;
    else if (RUSSIAN_WORDS.has(word) || RUSSIAN_ENDING.test(word)) result.ru += 1;
  }
  return result;
}

export function detectLang(text: string, fallback: Lang): Lang {
  return languageOf(text, fallback).lang;
}

/** The language and whether the text is clearly in it. */
export function languageOf(text: string, fallback: Lang): { lang: Lang; certain: boolean } {
  const { kk, ru } = votes(text.slice(0, 2000));
  // Cyrillic with no Kazakh sign is most likely Russian; Latin or emoji alone say nothing.
  if (kk === 0 && ru === 0) return { lang: /[а-яё]/i.test(text) ? 'ru' : fallback, certain: false };
  // Kazakh wins a tie: Kazakh messages borrow Russian words far more often than the other way round.
  const lang: Lang = kk >= ru ? 'kk' : 'ru';
  const [mine, other] = lang === 'kk' ? [kk, ru] : [ru, kk];
  return { lang, certain: mine >= 2 && other === 0 };
}
