/**
 * Words that tell the three intents a citizen must never be denied: a home visit, a person, a
 * complaint. Each lexicon is on the folded form (normalise.ts: no Kazakh letters, Cyrillic, lower
 * case) and is read on the whole text, so a cue is found whatever words surround it.
 */

const any = (parts: readonly string[]) => new RegExp(parts.join('|'));

/** Home: "на дом", "домой", "үйге", "үйіме". */
const HOME = any(['на дом(у)?(?![а-я])', 'домой', 'ко мне домой', 'к нам домой', '(ко мне|к нам|к ней|к нему)(?![а-я])', '(^|\\s)уй(ге|име|имизге|де|ге дейин)(?![а-я])', 'уйден']);

/** Someone coming or being called: "приехать", "выезд", "вызвать", "келу", "шақыру". */
const COMING = any(['(^|\\s)(при(й|д|ех|ед|ход|шл)|выезд|выезж|выех|вызв|вызов|подъех)', '(^|\\s)(кел(ип|у|сін|син|се|етін|е ме|е ала|иниз|ин|ши|сеныз|инизши|иниздерши|издер))', 'шакыр']);

/** Not able to come: to walk, to get up, to leave home, bedridden, in a wheelchair. */
const CANNOT_COME = any([
  'не (могу|может|можем|могут|в состоянии)( сам(а|и)?)?( сейчас)? (прийти|придти|выйти|ходить|дойти|добраться|доехать|передвигаться|встать|приехать|вставать|выходить)',
  'не (хожу|ходит|ходим|встает|встаю|встаем|выходит|выхожу|передвигается|передвигаюсь)',
  'плохо (хожу|ходит)',
  'лежач',
  'прикован',
  'колясоч',
  'на коляске',
  'не выходит из дома',
  '(бара|келе|жури|журе|шыга|козгала|тура|жете|бара да) ал(май|мас|мады|мау)',
  'тосек (тартып|тарткан)',
  'тосекте жат',
  'тосектен тура ал',
  'арбамен',
  'мугедек арба',
  'аягым журмей',
  'аяк(тары)?сыз',
]);

/** A disability or old age: a reason when a visit or a coming is asked for. */
const DISABLED_OR_OLD = any([
  'инвалид',
  'мугедек',
  'пожил',
  'преклонн',
  'престарел',
  'кариям',
  '(^|\\s)карт ',
  'жасы улкен',
  '(ему|ей) \\d{2}',
  '\\d{2} (лет|года|жаста)',
  'незряч',
  'слеп',
  'после (инсульта|инфаркта|операции)',
  'ауыр наукас',
]);

/** An online channel: "I cannot come, can I apply online?" asks about channels, not for a visit. */
const ONLINE = /(онлайн|егов|egov|портал|интернет|через телефон|электрон)/;

/** Whether the text asks for a State Corporation employee to come home. */
export function asksForHomeVisit(folded: string): boolean {
  if (ONLINE.test(folded)) return false;
  const coming = COMING.test(folded);
  return (HOME.test(folded) && coming) || CANNOT_COME.test(folded) || (DISABLED_OR_OLD.test(folded) && coming) || /(выездн|выезд на дом|обслуживан\S* на дому|уйге келу кызмет)/.test(folded);
}

/** Whether the text asks for a person instead of the bot: an operator, a live person, a specialist, a call, 1414. */
const OPERATOR_CUES = any([
  'оп[еи]ратор',
  'аператор',
  'консультант',
  'кенесши',
  'жив(ой|ого|ым|ому) (человек|оператор|консультант|специалист|сотрудник|маман)',
  // "маман" or "тірі адам" alone or wanted, the text's end being its end or the corrected copy's mark
  '(^|\\s)(маман|тири адам)(га|мен|ды)?(\\s(керек|бар ма|шакырыныз)|\\s*(\\||$))',
  '(^|\\s)адам керек',
  '(с|со) (человеком|специалистом|консультантом|менеджером|живым)',
  '(соедин|переключ|переведи|переведит|свяж|позов|позвать|дайте|нужен|нужна|хочу|поговорить)\\S* (\\S+ )?(специ[ао]лист|человек|консультант|менеджер)',
  '(позвоните|перезвоните|наберите|звякните) (мне|нам)',
  'свяжитесь со мной',
  'контакт.?центр',
  'колл.?центр',
  '(^|\\D)1414(\\D|$)',
  '(маман|адам|тири адам|кенесши|кызметкер)(га|ге|мен|менен|ды|ди)? (кос|сойлес|байланыс|шакыр)',
  '(адаммен|маманмен|тири адам)',
  'маган (хабарлас|конырау|звон)',
  'конырау (шал|сог)',
  'байланыс орталыг',
]);

export function asksForPerson(folded: string): boolean {
  return OPERATOR_CUES.test(folded);
}

/** Words that make a message a complaint whatever service it names: complaining, rudeness, bribes, delays, lawlessness. */
export const COMPLAINT_CUES = any([
  'жалоб|жаловат|жалуюсь|жалуется|обжал|претензи|шагым',
  'нагруб|нахамил|хамил|хамят|хамств|хамск|грубо|грубил|кричал|накричал|оскорб|унизил',
  'дореки|орескел|урсты|айкайла|менсинбе|немкурайлы',
  'наразымын|наразы|недоволен|недовольна|недовольны',
  'безобраз|возмути|беспредел|издева|отвратит|безответствен|халатн|некомпетент|игнорир',
  'незаконн|зансыз|нарушают|нарушил|нарушен\\S* (срок|прав)',
  'взятк|вымог|пара сура|пара берт|жемкор|сыбайлас|акша талап',
  'бермей жатыр|созып жатыр|созып жур|затягива|волокит|отписк',
]);
