import type { ComplaintCategory } from '../../domain/complaint';
import { fold } from '../nlu/normalise';

/**
 * What happened, read from a story the citizen typed ("в колледже не выдают дубликат уже 2 месяца",
 * "ХҚКО-да қызметкер дөрекі сөйледі"): the one category its words tell, or none when they tell none
 * or several. The cues are on the folded text (no Kazakh letters, lower case), so they hold for
 * Kazakh typed without its letters as well.
 *
 * @example
 * categoryTold('мне отказали в выдаче без причины'); // 'refusal_without_reasons'
 * categoryTold('отказали, да ещё и нагрубили'); // undefined: two things happened, the citizen chooses
 */
export function categoryTold(story: string): ComplaintCategory | undefined {
  const folded = fold(story);
  const told = CATEGORIES.filter((category) => CATEGORY_CUES[category].test(folded));
  return told.length === 1 ? told[0] : undefined;
}

const any = (parts: readonly string[]) => new RegExp(parts.join('|'));

/** A word's end: what follows is not a letter. */
const END = '(?![а-яa-z])';

/** Papers taken away, not refused: "отказались принимать" is documents refused, not a refusal of the service. */
const TAKING = '(принима|принять|приня|брать|взять)';

const CATEGORY_CUES: Record<Exclude<ComplaintCategory, 'other'>, RegExp> = {
  documents_refused: any([
    `(^|\\s)не (принял|приняла|приняли|принимают|принимает|взяли|взял|взяла|берут|берет)${END}`,
    `отказ\\S* ${TAKING}`,
    '(кабылдамады|кабылдамайды|кабылдамай|кабылдаудан бас тарт)',
    '(кужат|отиниш|аныктама|кагаз)\\S* (\\S+ ){0,2}(алмады|алмайды)',
  ]),
  extra_documents: any([
    '(лишн|дополнительн)\\S* (\\S+ ){0,2}(документ|справк|бумаг|копи)',
    '(требу|заставля)\\S* (\\S+ ){0,3}(справк|документ|бумаг|копи)',
    '(артык|косымша) (\\S+ )?(кужат|аныктама|кагаз)',
    '(кужат|аныктама|кагаз)\\S* (\\S+ ){0,2}(талап ет|сурап|сурады|экел деп)',
  ]),
  term_missed: any([
    `(^|\\s)(не|так и не) (выдают|выдали|выдает|выдал|выдала|отдают|отдали|отдает|сделали|делают|готов\\S*)${END}`,
    'до сих пор|все еще|уже давно|(^|\\s)долго|затяг|волокит|просроч|(^|\\s)(тянут|тянет)',
    `(уже|целый|целых|больше|более|почти) (\\S+ )?(месяц|недел|полгода|год)`,
    `(^|\\s)(\\d+|два|две|три|четыре|пять|пару|несколько|полтора) (месяц|недел|дн|ден)`,
    `срок\\S* (\\S+ )?(прош|выш|истек|нарушен|сорва)`,
    `(^|\\s)(\\d+|бир|еки|уш|торт|бес|бирнеше|жарты) (ай|апта|жыл)${END}`,
    '(^|\\s)(ай|апта)\\S* (болды|бойы|отти)',
    '(^|\\s)али (де )?(бермей|берген жок|бермеди|бермейди|дайын емес)',
    'бермей (жатыр|жур|отыр)|созып|кешик',
    'мерзим\\S* (отти|откен|отип|бузыл|откизип)',
    '(^|\\s)узак (уакыт|кут)|(^|\\s)кутип (жур|отыр|жатыр)',
  ]),
  refusal_without_reasons: any([`(^|\\s)отказ(?!\\S* ${TAKING})`, '(?<!кабылдаудан )бас тарт', 'без (объяснен|обьяснен|причин)', 'себеб\\S* (айтпа|туснидирме)', 'себепсиз']),
  improper_treatment: any(['нагруб|(^|\\s)груб|(^|\\s)хам(ил|ят|ит|ств|ск)|нахамил|кричал|кричит|оскорб|унизил|униза|невежлив|неуважительн', 'дореки|айкайла|(^|\\s)урсты|урсып|менсинбе|орескел']),
  error_in_result: any(['ошиб|неправильн|неверн|опечат|перепута', `(^|\\s)кате${END}|(^|\\s)кате (жаз|кетк|бар)|кателес`]),
};

const CATEGORIES = Object.keys(CATEGORY_CUES) as Exclude<ComplaintCategory, 'other'>[];
